/**
 * The generated project's own tests (`tests/conftest.py`, `tests/test_*.py`).
 * They pass against the skeleton with no network, no Postgres and no Redis:
 * conftest.py sets every required variable to its .env.example value (real
 * environment variables still win), web apps are exercised through their
 * framework's test client, the worker through a fake queue.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { djangoSettingsModule, facts } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyFromImport, pyStr } from '../writers/python.ts';
import { py } from './common.ts';
import { kindTests } from './kind-tests.ts';

function conftest(config: ReadonlyConfig): GeneratedFile {
	const f = facts(config);
	const required = f.env.filter((v) => v.default === undefined);
	const django = config.project.kind === 'service' && config.project.framework === 'django';
	const lines: string[] = ['"""Shared test setup."""', ''];
	if (!f.hasSettings) {
		lines.push('import pytest', '', '', '@pytest.fixture', 'def name() -> str:', '    """A sample name for the tests."""', '    return "world"');
		return py('tests/conftest.py', lines);
	}
	lines.push(...(required.length || django ? ['import os'] : []), ...(django ? ['import warnings'] : []), 'from collections.abc import Iterator', '', 'import pytest', '', pyFromImport(`${f.pkg}.config`, ['get_settings']), '');
	if (required.length) {
		lines.push(
			'# Required settings get their .env.example values, so tests need no .env file and',
			'# no running services (nothing here connects). Real environment variables win.',
			'TEST_ENVIRONMENT = {'
		);
		for (const v of required) lines.push(`    ${pyStr(v.name)}: ${pyStr(v.example)},`);
		lines.push('}', 'for _name, _value in TEST_ENVIRONMENT.items():', '    os.environ.setdefault(_name, _value)', '');
	}
	if (django) {
		lines.push(
			`DJANGO_SETTINGS_MODULE = ${pyStr(djangoSettingsModule(config))}`,
			'os.environ.setdefault("DJANGO_SETTINGS_MODULE", DJANGO_SETTINGS_MODULE)',
			''
		);
	}
	if (django) {
		lines.push(
			'',
			'def pytest_configure() -> None:',
			'    """Load Django and allow its test client\'s host, as ``manage.py test`` does."""',
			'    import django',
			'    from django.test.utils import setup_test_environment',
			'',
			'    django.setup()',
			'    setup_test_environment()',
			''
		);
	}
	if (django) {
		// In a fixture: pytest restores the warning filters after collection, so a conftest-level filter is lost.
		lines.push(
			'',
			'@pytest.fixture(autouse=True)',
			'def no_static_root_warning() -> None:',
			'    """WhiteNoise warns that STATIC_ROOT is missing until collectstatic; tests need none."""',
			'    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)',
			''
		);
	}
	lines.push(
		'',
		'@pytest.fixture(autouse=True)',
		'def fresh_settings() -> Iterator[None]:',
		'    """Re-read settings in every test, so ``monkeypatch.setenv`` takes effect."""',
		'    get_settings.cache_clear()',
		'    yield',
		'    get_settings.cache_clear()'
	);
	return py('tests/conftest.py', lines);
}

function configTest(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	if (!f.hasSettings) return [];
	const secret = f.env.find((v) => v.kind === 'secret');
	return [
		py('tests/test_config.py', [
			'"""The settings module reads and validates the environment."""',
			'',
			'import pytest',
			'from pydantic import ValidationError',
			'',
			pyFromImport(`${f.pkg}.config`, ['Settings', 'get_settings']),
			'',
			'',
			'def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:',
			'    monkeypatch.setenv("LOG_LEVEL", "DEBUG")',
			'    monkeypatch.setenv("DEBUG", "true")',
			'    settings = get_settings()',
			'    assert settings.log_level == "DEBUG"',
			'    assert settings.debug is True',
			'',
			'',
			'def test_invalid_log_level_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:',
			'    monkeypatch.setenv("LOG_LEVEL", "LOUD")',
			'    with pytest.raises(ValidationError):',
			'        Settings()',
			...(secret
				? [
						'',
						'',
						'def test_secrets_are_not_shown() -> None:',
						`    value = get_settings().${secret.field}.get_secret_value()`,
						'    assert value',
						'    assert value not in repr(get_settings())'
					]
				: [])
		])
	];
}


export function testFiles(config: ReadonlyConfig): GeneratedFile[] {
	return [conftest(config), ...configTest(config), ...kindTests(config)];
}
