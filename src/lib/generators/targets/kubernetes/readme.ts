/** deploy/kubernetes/README.md: the pull Secret, the way in, settings and secrets, apply and roll out. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { pythonImages } from '../../image/common.ts';
import { REDIS, facts, imageRef, scheduledArgs } from '../../../model/derive.ts';
import { registryOf } from '../../ci.ts';
import { imageTag, k8sNames } from '../../../model/deployment.ts';
import { MIGRATE_DEADLINE_SECONDS } from './resources.ts';
import { K8S_DIR, type Manifest, hasMigrations } from './manifests.ts';
import { migrateCommand } from '../../../model/runtime.ts';

/** Which files name the pull Secret (for the README's "public image" route). */
function podFiles(manifests: readonly Manifest[]): string[] {
	return manifests.filter((m) => ['Deployment', 'Job', 'CronJob'].includes(String(m.doc.kind))).map((m) => m.file);
}

function pullSecretSteps(config: ReadonlyConfig, manifests: readonly Manifest[]): string[] {
	const n = k8sNames(config);
	const ns = config.kubernetes.namespace;
	const registry = registryOf(imageRef(config));
	const files = podFiles(manifests).map((f) => `\`${f}\``).join(', ');
	const L: string[] = [];
	if (registry === 'ghcr.io') {
		L.push(`Pull credentials: GitHub makes a new package private, so the pods pull the image with the Secret`);
		L.push(`\`${n.pull}\` (\`imagePullSecrets\` in ${files}). Create it with a personal access token (classic)`);
		L.push('that has only the `read:packages` scope, of a GitHub account that can read the package, in the shell');
		L.push('variable `GHCR_READ_TOKEN`:');
		L.push('```sh');
		L.push(`kubectl -n ${ns} create secret docker-registry ${n.pull} --docker-server=ghcr.io --docker-username=GITHUB_USER --docker-password="$GHCR_READ_TOKEN"`);
		L.push('```');
		L.push('Or make the package public (on GitHub: the package\'s settings, "Change visibility") and delete the');
		L.push(`two \`imagePullSecrets\` lines from ${files}: a public image pulls without credentials.`);
	} else {
		const server = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
		L.push(`Pull credentials: the pods pull the image with the Secret \`${n.pull}\` (\`imagePullSecrets\` in ${files}).`);
		L.push(`Create it with a read-only credential of \`${registry}\` in the shell variable \`REGISTRY_READ_TOKEN\`:`);
		L.push('```sh');
		L.push(`kubectl -n ${ns} create secret docker-registry ${n.pull} --docker-server=${server} --docker-username=REGISTRY_USER --docker-password="$REGISTRY_READ_TOKEN"`);
		L.push('```');
		L.push(`If the nodes can pull the image without credentials (a public image, or a registry the cluster is`);
		L.push(`allowed to read), delete the two \`imagePullSecrets\` lines from ${files} instead.`);
	}
	return L;
}

/** The README's step for the way in: the Gateway the HTTPRoute attaches to, or the Ingress's class and TLS. */
function exposureStep(config: ReadonlyConfig): string[] {
	const k = config.kubernetes;
	const n = k8sNames(config);
	if (k.exposure === 'gateway') {
		const ns = config.kubernetes.namespace;
		return [
			`Gateway: \`httproute.yaml\` routes \`${k.ingressHost}\` to the Service through the Gateway \`${k.gatewayName}\` in the namespace`,
			`\`${k.gatewayNamespace}\` (\`parentRefs\`). A Gateway belongs to whoever runs the cluster, not to this app: list them with`,
			'`kubectl get gateways -A` and put the name and namespace of yours in `httproute.yaml` (or in Slipway, and generate again).',
			...(k.gatewayNamespace === ns
				? [`It is in this app's namespace, so its listener for \`${k.ingressHost}\` admits the route as it is (\`allowedRoutes\` is \`from: Same\` unless set).`]
				: [
						`Its listener for \`${k.ingressHost}\` must admit routes from the namespace \`${ns}\`: \`allowedRoutes.namespaces\` is`,
						'`from: Same` unless set (only routes of the Gateway\'s own namespace), so the operator sets `from: All`, or',
						'`from: Selector` with a label that this namespace carries.'
					]),
			'TLS terminates at the Gateway: its HTTPS listener holds the certificate (`tls.certificateRefs`), so this app',
			'has no TLS Secret. A cluster without the Gateway API has no HTTPRoute kind, and `kubectl apply -k` fails on it:',
			'there, choose the Ingress instead (Kubernetes exposure "ingress" in Slipway).'
		];
	}
	const L = k.ingressClass
		? [`Ingress: \`ingress.yaml\` routes \`${k.ingressHost}\` to the Service, for the IngressClass \`${k.ingressClass}\`.`]
		: [
				`Ingress: \`ingress.yaml\` routes \`${k.ingressHost}\` to the Service. It names no \`ingressClassName\`, so the cluster's`,
				'default IngressClass takes it: the one annotated `ingressclass.kubernetes.io/is-default-class: "true"`',
				'(`kubectl get ingressclass` lists them). Set `ingressClassName` if your cluster has none, or to use another.'
			];
	L.push(
		`TLS: the Ingress expects a certificate in the Secret \`${n.tls}\`. With cert-manager, add the annotation`,
		'`cert-manager.io/cluster-issuer: <your issuer>` to `ingress.yaml` and it is created for you.'
	);
	if (k.ingressClass === 'nginx')
		L.push(
			'If class `nginx` is the community ingress-nginx controller: it is retired (no releases or security fixes since',
			'March 2026). Its successor is the Gateway API: Slipway writes an HTTPRoute instead with Kubernetes exposure "gateway".'
		);
	return L;
}

export function readme(config: ReadonlyConfig, manifests: readonly Manifest[], files: string[]): string {
	const n = k8sNames(config);
	const f = facts(config);
	const ns = config.kubernetes.namespace;
	const kind = config.project.kind;
	const migrations = hasMigrations(config);
	const configMapFile = manifests.find((m) => m.doc.kind === 'ConfigMap')!.file;
	const secrets = f.env.filter((v) => v.secret).map((v) => v.name);
	const plain = f.env.filter((v) => !v.secret).map((v) => v.name);
	const L: string[] = [];
	L.push(`# Deploying ${n.app} to Kubernetes`, '');
	L.push('Generated by Slipway. Plain manifests, one resource per file, tied together by');
	L.push('`kustomization.yaml` (namespace, and the image tag in one place).', '');
	L.push('## Files', '');
	for (const file of files) L.push(`- \`${file}\``);
	if (secrets.length) L.push('- `secret.example.yaml`: a template, deliberately not applied by the kustomization');
	if (migrations)
		L.push('', 'The migration Job has its own kustomization (`migrate/`), applied and waited for before the app;', 'the ConfigMap both read lives in `config/`.');
	L.push('');
	L.push('## Before the first deploy', '');
	let step = 0;
	const item = (lines: string[]) => {
		step += 1;
		L.push(`${step}. ${lines[0]}`, ...lines.slice(1).map((l) => (l ? `   ${l}` : l)));
	};
	if (ns !== 'default') item([`Create the namespace (the Secrets below live in it): \`kubectl apply -f ${K8S_DIR}/namespace.yaml\`.`]);
	item([
		`Build and push the image \`${imageRef(config)}:${imageTag(config.project.version)}\` (see the Dockerfile; \`.github/workflows/release.yml\``,
		`pushes it for the tag \`v${config.project.version}\`). To deploy another tag, change it once in \`kustomization.yaml\`:`,
		`\`kustomize edit set image ${imageRef(config)}:NEW_TAG\` (or edit \`newTag\`)${migrations ? ', and the same in `migrate/kustomization.yaml`' : ''}.`
	]);
	item(pullSecretSteps(config, manifests));
	if (secrets.length)
		item([
			`Create the Secret \`${n.secret}\` with ${secrets.map((s) => `\`${s}\``).join(', ')}:`,
			'copy `secret.example.yaml` outside the repository, replace every `CHANGE-ME`, and apply it:',
			`\`kubectl apply -n ${ns} -f secret.yaml\`. Better: let External Secrets, Sealed Secrets or your`,
			"cloud's secret store create it. Pods wait (CreateContainerConfigError) until it exists."
		]);
	item([`Review \`${configMapFile}\` (${plain.map((s) => `\`${s}\``).join(', ')}).`]);
	if (kind === 'service') item(exposureStep(config));
	L.push('');
	L.push('## Deploy', '');
	if (migrations) {
		L.push('In this order, every time: the migration runs to completion with the new image and settings');
		L.push('before the app rolls out. Stop if `kubectl wait` fails (see Database migrations below).', '');
	}
	L.push('```sh');
	L.push(`kubectl kustomize ${K8S_DIR}          # review what will be applied`);
	if (migrations) {
		L.push(`kubectl -n ${ns} delete job ${n.migrate} --ignore-not-found`);
		L.push(`kubectl apply -k ${K8S_DIR}/migrate`);
		L.push(`kubectl -n ${ns} wait --for=condition=complete job/${n.migrate} --timeout=${MIGRATE_DEADLINE_SECONDS + 60}s`);
	}
	L.push(`kubectl apply -k ${K8S_DIR}`);
	if (kind !== 'cli') L.push(`kubectl -n ${ns} rollout status deployment/${n.app}`);
	L.push('```', '');
	if (kind === 'service' && config.kubernetes.exposure === 'gateway') {
		L.push('Then check that the Gateway took the route: in `status.parents`, the conditions `Accepted` and');
		L.push('`ResolvedRefs` are `True` (`NotAllowedByListeners` means the listener\'s `allowedRoutes` does not admit');
		L.push(`this namespace; \`NoMatchingListenerHostname\`, that no listener serves \`${config.kubernetes.ingressHost}\`):`);
		L.push('```sh');
		L.push(`kubectl -n ${ns} get httproute ${n.app} -o yaml`);
		L.push('```', '');
	}
	if (config.services.postgres || config.services.redis) {
		L.push('## PostgreSQL and Redis', '');
		L.push('These manifests do not run databases. Use a managed service (Cloud SQL, RDS, Azure Database,');
		L.push('Memorystore, ElastiCache...) or your own charts, and point the app at them:');
		if (config.services.postgres) L.push('- `DATABASE_URL` lives in the Secret (it carries a password).');
		if (config.services.redis)
			L.push(`- \`REDIS_URL\` lives in the ConfigMap and defaults to \`redis://${REDIS.host}:${REDIS.port}/0\` (a Service named \`${REDIS.host}\` in the namespace); move it to the Secret if your Redis needs a password.`);
		L.push('');
	}
	if (migrations) {
		L.push('## Database migrations', '');
		L.push(`\`migrate/migrate-job.yaml\` runs \`${migrateCommand(config)!.label}\` with the image and settings of the deploy.`);
		L.push('A Job is immutable, so each deploy deletes the previous run first (the `delete job` line above);');
		L.push(`until then a finished or failed Job stays, with its logs. It may run ${MIGRATE_DEADLINE_SECONDS / 60} minutes (\`activeDeadlineSeconds\`);`);
		L.push('`kubectl wait` gives up a minute later. A failed migration never completes (after 3 tries the Job is');
		L.push('Failed), so `wait` times out and exits non-zero: do not apply the app; read why with');
		L.push(`\`kubectl -n ${ns} logs job/${n.migrate}\` and \`kubectl -n ${ns} describe job ${n.migrate}\`.`, '');
	}
	if (kind === 'worker') {
		L.push('## Health', '');
		L.push('A worker serves no HTTP, so the Deployment has no Service, route or HTTP probes. Kubernetes');
		L.push('restarts the container when the process exits. If the worker can hang, make it touch a file');
		L.push('(e.g. `/tmp/heartbeat`) on every loop and add an exec livenessProbe that checks its age.', '');
	}
	if (kind === 'cli') {
		L.push('## Running the command', '');
		L.push('A command-line tool runs as a CronJob, created **suspended**. Set `schedule`, replace the');
		L.push(`placeholder arguments (\`args: ${JSON.stringify(scheduledArgs(config))}\` under the container in \`cronjob.yaml\`) with your`);
		L.push(`command's own, then set \`suspend: false\`.`);
		L.push('To run it once, on demand, without a schedule:');
		L.push('```sh');
		L.push(`kubectl -n ${ns} create job ${n.app}-manual --from=cronjob/${n.app}`);
		L.push('```', '');
	}
	L.push('## Security', '');
	L.push('Pods meet the "restricted" Pod Security Standard: non-root (uid ' + pythonImages(config).user.uid + '), no privilege escalation,');
	L.push('all capabilities dropped, RuntimeDefault seccomp, read-only root filesystem (writable `/tmp` is an');
	L.push('emptyDir) and no service-account token.' + (ns !== 'default' ? ' `namespace.yaml` enforces that standard on the namespace.' : ''));
	return L.join('\n') + '\n';
}
