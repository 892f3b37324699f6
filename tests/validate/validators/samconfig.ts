/**
 * samconfig.toml (SAM CLI project settings): TOML, `version = 0.1`, and only
 * `<environment>.<command>.parameters` tables naming SAM CLI commands and
 * parameters those commands accept (SAM CLI is not installable here).
 */
import { parse } from 'smol-toml';
import type { Finding, Validator } from '../registry.ts';
import { base, isObj } from './util.ts';

const COMMON = ['region', 'profile', 'config_env', 'config_file', 'debug', 'beta_features', 'template_file', 'template', 'parameter_overrides', 'stack_name', 'save_params', 'skip_pull_image'];
const PARAMS: Record<string, string[]> = {
	global: COMMON,
	build: [...COMMON, 'cached', 'parallel', 'manifest', 'use_container', 'container_env_var', 'container_env_var_file', 'build_dir', 'base_dir', 'cache_dir', 'build_image', 'mount_with', 'exclude', 'hook_name', 'terraform_project_root_path', 'docker_network', 'build_in_source', 'mount_symlinks'],
	deploy: [...COMMON, 'capabilities', 'confirm_changeset', 'resolve_s3', 's3_bucket', 's3_prefix', 'image_repository', 'image_repositories', 'resolve_image_repos', 'fail_on_empty_changeset', 'no_execute_changeset', 'role_arn', 'notification_arns', 'tags', 'kms_key_id', 'force_upload', 'use_json', 'metadata', 'signing_profiles', 'disable_rollback', 'on_failure', 'max_wait_duration', 'no_progressbar'],
	package: [...COMMON, 's3_bucket', 's3_prefix', 'image_repository', 'image_repositories', 'resolve_s3', 'kms_key_id', 'output_template_file', 'use_json', 'force_upload', 'metadata', 'signing_profiles', 'no_progressbar'],
	validate: [...COMMON, 'lint'],
	sync: [...COMMON, 'watch', 'code', 'resource_id', 'resource', 'dependency_layer', 'capabilities', 's3_bucket', 's3_prefix', 'image_repository', 'image_repositories', 'kms_key_id', 'tags', 'metadata', 'use_container', 'build_in_source', 'watch_exclude', 'build_image'],
	local_start_api: [...COMMON, 'warm_containers', 'port', 'host', 'env_vars', 'docker_network', 'container_env_vars', 'static_dir'],
	local_invoke: [...COMMON, 'env_vars', 'event', 'docker_network', 'container_env_vars'],
	local_start_lambda: [...COMMON, 'warm_containers', 'port', 'host', 'env_vars'],
	logs: [...COMMON, 'name', 'tail', 'include_traces', 'output'],
	delete: ['region', 'profile', 'config_env', 'config_file', 'stack_name', 'no_prompts', 's3_bucket', 's3_prefix']
};

export const samconfig: Validator = {
	id: 'samconfig',
	tool: 'SAM CLI samconfig.toml structure (SAM CLI not installable)',
	role: 'primary',
	chroot: false,
	match: (path) => /^samconfig\.toml$/.test(base(path)),
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			const add = (message: string) => out.push({ file: f.path, tool: 'samconfig-structure', message });
			let doc: Record<string, unknown>;
			try {
				doc = parse(f.content) as Record<string, unknown>;
			} catch (err) {
				add(String((err as Error).message).split('\n')[0]);
				continue;
			}
			if (doc.version !== 0.1) add(`version must be 0.1, not ${JSON.stringify(doc.version)}`);
			for (const [envName, env] of Object.entries(doc)) {
				if (envName === 'version') continue;
				if (!isObj(env)) {
					add(`${envName}: must be an environment table like [default.deploy.parameters]`);
					continue;
				}
				for (const [cmd, t] of Object.entries(env)) {
					const known = PARAMS[cmd];
					if (!known) add(`${envName}.${cmd}: not a SAM CLI command`);
					if (!isObj(t) || Object.keys(t).some((k) => k !== 'parameters')) add(`${envName}.${cmd}: only a "parameters" table belongs here`);
					const params = isObj(t) && isObj(t.parameters) ? t.parameters : {};
					if (known) for (const p of Object.keys(params)) if (!known.includes(p)) add(`${envName}.${cmd}.parameters.${p}: not a parameter of sam ${cmd.replace(/_/g, ' ')}`);
				}
			}
		}
		return out;
	}
};
