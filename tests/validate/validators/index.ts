/** Every validator, one module per file kind. Add new kinds here. */
import type { Validator } from '../registry.ts';
import { actions } from './actions.ts';
import { alembic } from './alembic.ts';
import { cloudRun } from './cloudrun.ts';
import { compose } from './compose.ts';
import { dockerfile } from './dockerfile.ts';
import { dockerignore } from './dockerignore.ts';
import { dotenv } from './dotenv.ts';
import { gitignore } from './gitignore.ts';
import { ini } from './ini.ts';
import { kubernetes } from './kubernetes.ts';
import { kustomize } from './kustomize.ts';
import { license } from './license.ts';
import { markdown } from './markdown.ts';
import { nginx } from './nginx.ts';
import { precommit } from './precommit.ts';
import { poetryCheck } from './poetry.ts';
import { poetryConfig } from './poetry-config.ts';
import { dependabot } from './dependabot.ts';
import { devcontainer } from './devcontainer.ts';
import { pyproject } from './pyproject.ts';
import { python } from './python.ts';
import { requirements } from './requirements.ts';
import { sam } from './sam.ts';
import { samconfig } from './samconfig.ts';
import { shell } from './shell.ts';
import { systemd } from './systemd.ts';
import { json, pyTyped, pythonVersionFile } from './text.ts';
import { toml } from './toml.ts';
import { yamlSyntax } from './yaml.ts';

export const VALIDATORS: readonly Validator[] = [
	pyproject,
	poetryCheck,
	poetryConfig,
	toml,
	requirements,
	python,
	alembic,
	dotenv,
	dockerfile,
	dockerignore,
	compose,
	kubernetes,
	kustomize,
	actions,
	dependabot,
	devcontainer,
	yamlSyntax,
	nginx,
	systemd,
	shell,
	sam,
	samconfig,
	cloudRun,
	markdown,
	license,
	gitignore,
	precommit,
	ini,
	json,
	pythonVersionFile,
	pyTyped
];
