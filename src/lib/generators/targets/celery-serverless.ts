/**
 * What the serverless READMEs say about Celery (services.celery): neither target deploys a
 * Celery worker or beat, and each says plainly what takes their place.
 *
 * - AWS Lambda: a function cannot keep a worker or a scheduler running. Nothing of Celery is
 *   generated (model/runtime.ts celeryOnLambda); the worker kind is the SQS-triggered function
 *   that exists for it, and a service hands background work to SQS the same way.
 * - Cloud Run: the image holds the Celery app and tasks; services.yaml deploys the web app only.
 *   Cloud Run worker pools are "specifically designed for performing continuous background work"
 *   with no URL and no autoscaling (Google Cloud, "Deploy worker pools to Cloud Run"): the README
 *   gives the `gcloud beta run worker-pools deploy` line (the gcloud reference's beta command;
 *   --image, --command, --args, --region as listed there) for the worker, and says that beat must
 *   run as exactly one instance (a worker pool of one instance) or be replaced by Cloud Scheduler.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { deployName, gcpProject, imageRef, serverlessRegion } from '../../model/derive.ts';
import { imageTag } from '../../model/deployment.ts';
import { celeryFacts, celeryOnLambda } from '../../model/runtime.ts';

/** deploy/aws-lambda/README.md's Celery section (empty unless Celery is chosen). */
export function lambdaCeleryNote(config: ReadonlyConfig): string[] {
	if (!celeryOnLambda(config)) return [];
	return [
		'## Celery',
		'',
		'Celery is not deployed on Lambda, and no Celery code is generated for it: a function runs per event and',
		'cannot keep a worker or the beat scheduler running.',
		config.project.kind === 'worker'
			? 'The worker is the SQS-triggered function above instead: send it JSON jobs on the queue.'
			: 'Hand background work to an SQS queue and an SQS-triggered function instead (the worker preset generates one).',
		'On Docker, Kubernetes and bare metal the same configuration runs a Celery worker and beat.',
		''
	];
}

/** deploy/cloud-run/README.md's Celery section (empty unless Celery is chosen). */
export function cloudRunCeleryNote(config: ReadonlyConfig): string[] {
	const c = celeryFacts(config);
	if (!c) return [];
	const image = `${imageRef(config)}:${imageTag(config.project.version)}`;
	const [cmd, ...args] = c.workerArgv;
	return [
		'',
		'## Celery',
		'',
		`The image holds the Celery app (\`${c.module}\`) and its tasks, but \`service.yaml\` deploys the web app only:`,
		'a Cloud Run service scales on requests and may stop its instances between them, which a worker cannot live with.',
		'Run the worker as a Cloud Run worker pool (continuous background work, no URL, no autoscaling), from the same image',
		'and with the same settings and secrets as the service (add them with `--set-env-vars` / `--set-secrets`):',
		'',
		'```sh',
		`gcloud beta run worker-pools deploy ${deployName(config)}-celery-worker --project=${gcpProject(config)} --region ${serverlessRegion(config)} --image=${image} --command=${cmd} --args=${args.join(',')}`,
		'```',
		'',
		'Beat must run as one instance only, or every scheduled task is sent twice: a second worker pool with one instance',
		`and the command \`${c.beatArgv.join(' ')}\`, or Cloud Scheduler calling the app instead.`
	];
}
