/**
 * The label each field has in the wizard, by model path, for messages that
 * name a field (the Review step's problems). The e2e test newcomer.spec.ts
 * follows each link to its field and checks the field's own label agrees.
 */
import { STEPS, stepOf } from '../state/app.svelte.ts';

const LABELS: Record<string, string> = {
	'project.name': 'Project name',
	'project.description': 'Description',
	'project.version': 'Version',
	'project.pythonVersion': 'Lowest Python version',
	'project.authorName': 'Author name',
	'project.authorEmail': 'Author e-mail',
	'project.license': 'License',
	'project.url': 'Home page or repository URL',
	'project.kind': 'Kind',
	'project.framework': 'Web framework',
	'packaging.manager': 'Package manager',
	'packaging.backend': 'Build backend',
	'packaging.poetryLayout': 'Poetry pyproject layout',
	'packaging.pipWorkflow': 'How pip pins requirements',
	target: 'Deployment target',
	'services.postgres': 'PostgreSQL',
	'services.redis': 'Redis',
	'services.sqlalchemy': 'SQLAlchemy + Alembic',
	'services.celery': 'Celery worker and beat',
	'docker.image': 'Image repository',
	'docker.baseImageDigest': 'Base image digest',
	'docker.baseImage': 'Python base image',
	'kubernetes.namespace': 'Namespace',
	'kubernetes.replicas': 'Replicas',
	'kubernetes.ingressHost': 'Public host name',
	'kubernetes.exposure': 'Way in from outside',
	'kubernetes.gatewayName': 'Gateway name',
	'kubernetes.gatewayNamespace': 'Gateway namespace',
	'kubernetes.ingressClass': 'IngressClass (optional)',
	'serverless.provider': 'Platform',
	'serverless.memoryMb': 'Memory (MiB)',
	'serverless.timeoutSeconds': 'Timeout (seconds)',
	'serverless.region': 'Region',
	'serverless.gcpProject': 'Google Cloud project id',
	'serverless.artifactRepository': 'Artifact Registry repository',
	'bareMetal.domain': 'Domain'
};

/** "Runtime dependency 2", "Project name"; a field not listed here: its label on the page, else its last path segment in words. */
export function fieldLabel(path: string): string {
	const dep = /^project\.(dependencies|devDependencies)\.(\d+)$/.exec(path);
	if (dep) return `${dep[1] === 'dependencies' ? 'Runtime' : 'Development'} dependency ${Number(dep[2]) + 1}`;
	if (LABELS[path]) return LABELS[path];
	if (typeof document !== 'undefined') {
		const id = 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
		const text = document.querySelector(`label[for="${id}"]`)?.textContent ?? document.getElementById(id)?.querySelector('legend')?.textContent;
		if (text?.trim()) return text.trim();
	}
	const last = path.split('.').pop() ?? path;
	const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The title of the step a field is on: "Deployment". */
export function stepTitle(path: string): string {
	const id = stepOf(path);
	return STEPS.find((s) => s.id === id)?.title ?? id;
}
