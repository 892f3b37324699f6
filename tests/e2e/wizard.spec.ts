import { expect, test } from '@playwright/test';
import { Wizard, values } from './wizard.ts';

const PRESET_FILES: Record<string, { title: string; name: string; has: string[]; not: string[] }> = {
	'fastapi-service': { title: 'FastAPI service', name: 'fastapi-service', has: ['Dockerfile', 'compose.yaml', 'src/fastapi_service/main.py'], not: ['manage.py'] },
	'django-app': { title: 'Django app', name: 'django-app', has: ['manage.py', 'src/django_app/settings.py', 'Dockerfile'], not: ['src/django_app/main.py'] },
	'flask-app': { title: 'Flask app', name: 'flask-app', has: ['requirements.txt', 'src/flask_app/app.py'], not: ['manage.py'] },
	'cli-tool': { title: 'Command-line tool', name: 'cli-tool', has: ['src/cli_tool/cli.py', 'tests/test_cli.py'], not: ['src/cli_tool/main.py'] },
	library: { title: 'Library', name: 'my-library', has: ['pyproject.toml', 'src/my_library/py.typed', '.github/workflows/release.yml'], not: ['Dockerfile', 'compose.yaml'] },
	worker: { title: 'Background worker', name: 'worker', has: ['src/worker/worker.py', 'Dockerfile'], not: ['src/worker/main.py'] }
};

test.describe('presets', () => {
	for (const [id, p] of Object.entries(PRESET_FILES)) {
		test(`${id}: the right files`, async ({ page }) => {
			const w = new Wizard(page);
			await w.open();
			await w.choosePreset(p.title);
			await expect(page.getByLabel('Project name')).toHaveValue(p.name);
			await expect(page.locator(`[data-preset="${id}"]`)).toHaveAttribute('aria-pressed', 'true');
			const paths = await w.paths();
			for (const f of p.has) expect(paths, f).toContain(f);
			for (const f of p.not) expect(paths, f).not.toContain(f);
			expect(await w.fileText('pyproject.toml')).toContain(`name = "${p.name}"`);
			expect(w.errors).toEqual([]);
		});
	}
});

test('each manager gives its own files', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choose('Packaging', 'Package manager', 'uv');
	expect(await w.fileText('pyproject.toml')).toContain('build-backend = "uv_build"');
	expect(await w.paths()).toContain('.python-version');

	await w.choose('Packaging', 'Package manager', 'Poetry');
	expect(await w.fileText('pyproject.toml')).toContain('build-backend = "poetry.core.masonry.api"');
	await page.getByRole('group', { name: 'Poetry pyproject layout' }).getByRole('radio', { name: /Classic/ }).check();
	expect(await w.fileText('pyproject.toml')).toContain('[tool.poetry]');

	await w.choose('Packaging', 'Package manager', 'pip');
	expect(await w.fileText('pyproject.toml')).toContain('setuptools.build_meta');
	const paths = await w.paths();
	expect(paths).toContain('requirements.txt');
	await expect(page.getByRole('group', { name: 'Poetry pyproject layout' })).toBeDisabled();
	await expect(page.getByText('Only used with Poetry')).toBeVisible();
});

test('each target gives its own files; settings of other targets are kept', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choose('Deployment', 'Deployment target', 'Kubernetes');
	await expect(w.tree.locator('[data-path="deploy/kubernetes/deployment.yaml"]')).toBeVisible();
	await page.getByLabel('Namespace', { exact: true }).fill('shop');
	expect(await w.fileText('deploy/kubernetes/kustomization.yaml')).toContain('namespace: shop');

	await w.choose('Deployment', 'Deployment target', 'Serverless');
	await expect(w.tree.locator('[data-path="deploy/aws-lambda/template.yaml"]')).toBeVisible();
	expect(await w.paths()).not.toContain('deploy/kubernetes/deployment.yaml');

	await w.choose('Deployment', 'Deployment target', 'Bare metal');
	await expect(w.tree.locator('[data-path="deploy/install.sh"]')).toBeVisible();
	expect((await w.paths()).some((p) => p.endsWith('.service'))).toBe(true);

	await w.choose('Deployment', 'Deployment target', 'Docker');
	await expect(w.tree.locator('[data-path="compose.yaml"]')).toBeVisible();

	await w.choose('Deployment', 'Deployment target', 'Kubernetes');
	await expect(page.getByLabel('Namespace', { exact: true })).toHaveValue('shop');
});

test('libraries deploy nowhere: the Deployment step says they publish to PyPI', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('Library');
	await w.goto('Deployment');
	await expect(page.getByTestId('library-notice')).toContainText('publishes it to PyPI');
	// The deployment settings are kept, folded away under a line that says so (issue 18.4: said once).
	await expect(page.getByRole('group', { name: 'Deployment target' })).toBeHidden();
	await expect(page.getByTestId('other-settings').locator('summary')).toHaveText(/kept unused/);
	await w.goto('Services');
	await expect(page.getByLabel(/PostgreSQL/)).toBeDisabled();
});

test('Django in a container without PostgreSQL: the message sits at the PostgreSQL box and leaves when it is ticked', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('Django app');
	await w.goto('Services');
	const pg = page.getByRole('checkbox', { name: /PostgreSQL/ });
	await pg.uncheck();
	const msg = page.locator('[data-path="services.postgres"] .error');
	await expect(msg).toContainText('turn PostgreSQL on');
	await expect(pg).toHaveAttribute('aria-invalid', 'true');
	await pg.check();
	await expect(msg).toHaveCount(0);
	await expect(pg).not.toHaveAttribute('aria-invalid', 'true');
});

test('SQLAlchemy + Alembic: ticked without PostgreSQL the message sits at its box; with PostgreSQL db.py and the migrations appear', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('FastAPI service');
	await w.goto('Services');
	const pg = page.getByRole('checkbox', { name: /PostgreSQL/ });
	const sql = page.getByRole('checkbox', { name: 'SQLAlchemy + Alembic' });
	await expect(page.locator('[data-path="services.sqlalchemy"] .help')).toContainText('alembic.ini and migrations/');
	await pg.uncheck();
	await sql.check();
	await expect(page.locator('[data-path="services.sqlalchemy"] .error')).toContainText('turn PostgreSQL on');
	await expect(sql).toHaveAttribute('aria-invalid', 'true');
	await pg.check();
	await expect(page.locator('[data-path="services.sqlalchemy"] .error')).toHaveCount(0);
	await expect.poll(() => w.paths()).toEqual(expect.arrayContaining(['src/fastapi_service/db.py', 'alembic.ini', 'src/fastapi_service/migrations/env.py']));
	expect(await w.fileText('src/fastapi_service/db.py')).toContain('postgresql+psycopg');
	await sql.uncheck();
	await expect.poll(() => w.paths()).not.toContain('src/fastapi_service/db.py');
});

test('Celery: ticked without Redis the message sits at its box; with Redis the Celery app, its tasks and its test appear', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('FastAPI service');
	await w.goto('Services');
	const redis = page.getByRole('checkbox', { name: /^Redis/ });
	const celery = page.getByRole('checkbox', { name: 'Celery worker and beat' });
	await expect(page.locator('[data-path="services.celery"] .help')).toContainText('beat');
	await redis.uncheck();
	await celery.check();
	await expect(page.locator('[data-path="services.celery"] .error')).toContainText('turn Redis on');
	await expect(celery).toHaveAttribute('aria-invalid', 'true');
	await redis.check();
	await expect(page.locator('[data-path="services.celery"] .error')).toHaveCount(0);
	await expect.poll(() => w.paths()).toEqual(expect.arrayContaining(['src/fastapi_service/celery_app.py', 'src/fastapi_service/tasks.py', 'tests/test_celery.py']));
	expect(await w.fileText('src/fastapi_service/celery_app.py')).toContain('get_settings().redis_url');
	await celery.uncheck();
	await expect.poll(() => w.paths()).not.toContain('src/fastapi_service/celery_app.py');
});

test('steps are freely navigable and nothing typed is lost', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.goto('Review');
	await expect(page.getByText('Step 6 of 6')).toBeVisible();
	await w.goto('Dependencies');
	const add = page.getByRole('combobox', { name: 'Add a runtime dependency' });
	await add.fill('sqlalchemy>=2');
	await w.goto('Project');
	await page.getByLabel('Description').fill('Half-typed');
	await w.goto('Dependencies');
	await expect(add).toHaveValue('sqlalchemy>=2');
	await w.goto('Project');
	await expect(page.getByLabel('Description')).toHaveValue('Half-typed');
	// Switching kind and back restores the framework.
	await page.getByRole('group', { name: 'Web framework' }).getByRole('radio', { name: /^Django/ }).check();
	await page.getByRole('group', { name: 'Kind' }).getByRole('radio', { name: /^Library/ }).check();
	await expect(page.getByRole('group', { name: 'Web framework' })).toBeDisabled();
	await page.getByRole('group', { name: 'Kind' }).getByRole('radio', { name: /^Web service/ }).check();
	await expect(page.getByRole('group', { name: 'Web framework' }).getByRole('radio', { name: /^Django/ })).toBeChecked();
});

test('choosing a preset asks before replacing edits, in the page, and can be undone', async ({ page }) => {
	const w = new Wizard(page);
	let nativeDialog = false;
	page.on('dialog', (d) => {
		nativeDialog = true;
		void d.dismiss();
	});
	await w.open();
	await page.getByLabel('Project name').fill('my-edited');
	await page.locator('[data-preset="worker"]').click();
	const confirm = page.getByRole('alertdialog');
	await expect(confirm).toContainText('Replace your edits');
	await expect(confirm.getByRole('button', { name: 'Replace' })).toBeFocused();
	await confirm.getByRole('button', { name: 'Keep my edits' }).click();
	await expect(page.getByLabel('Project name')).toHaveValue('my-edited');
	await page.locator('[data-preset="worker"]').click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
	await expect(page.getByLabel('Project name')).toHaveValue('worker');
	await page.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByLabel('Project name')).toHaveValue('my-edited');
	expect(nativeDialog).toBe(false);
});

test('dependencies: autocomplete, PEP 508 validation, implied dependencies not duplicated', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.goto('Dependencies');
	const implied = page.getByTestId('implied-dependencies');
	await expect(implied).toContainText('fastapi');
	const box = page.getByRole('combobox', { name: 'Add a runtime dependency' });
	await box.fill('sqlalch');
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	const listbox = page.getByRole('listbox', { name: 'Popular packages' });
	await expect(listbox.getByRole('option').first()).toContainText('sqlalchemy');
	await expect(listbox.getByRole('option').first()).toContainText('ORM');
	await box.press('ArrowDown');
	const active = await box.getAttribute('aria-activedescendant');
	expect(active).toBeTruthy();
	await expect(page.locator(`#${active}`)).toHaveAttribute('aria-selected', 'true');
	// Choosing a suggestion adds it at once, with the data's lower bound (issue 18.10).
	await box.press('Enter');
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByTestId('list-dependencies').locator('input')).toHaveValue(/^sqlalchemy>=\d+\.\d+$/);
	await expect(box).toHaveValue('');
	await page.getByTestId('list-dependencies').locator('input').first().fill('sqlalchemy>=2.0');

	// Invalid requirement: the model's message, text kept.
	await box.fill('requests>=>2');
	await box.press('Enter');
	await expect(page.locator('#add-dependencies-error')).toContainText('is not a valid requirement');
	await expect(box).toHaveValue('requests>=>2');
	await box.press('Escape');
	await expect(box).toHaveValue('');

	// A user entry for an implied package replaces it: listed once in pyproject.
	await box.fill('fastapi>=0.120');
	await box.press('Enter');
	await expect(implied.getByText('replaced by your entry')).toBeVisible();
	const py = await w.fileText('pyproject.toml');
	expect(py.match(/"fastapi/g)?.length).toBe(1);
	expect(py).toContain('"fastapi>=0.120"');
	expect(py).toContain('"sqlalchemy>=2.0"');

	// Editing an entry in place is validated too.
	await page.getByTestId('list-dependencies').locator('input').first().fill('sqlalchemy>=');
	await expect(page.locator('#f-project-dependencies-0-error')).toContainText('not a valid requirement');
	await page.getByRole('button', { name: /^Remove sqlalchemy/ }).click();
	await expect(page.getByTestId('list-dependencies').locator('input')).toHaveCount(1);
});

test('changed lines and files are marked after an edit', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.openFile('pyproject.toml');
	await page.getByLabel('Description').fill('A changed description.');
	await expect(w.content.locator('.line.mark')).toHaveCount(1);
	await expect(w.content.locator('.line.mark')).toContainText('A changed description.');
	await expect(w.tree.locator('[data-path="pyproject.toml"]')).toHaveClass(/changed/);
	await expect(w.tree.locator('[data-path=".gitignore"]')).not.toHaveClass(/changed/);
});

test('a file that appears is marked as new, not line by line', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choose('Deployment', 'Deployment target', 'Kubernetes');
	await w.openFile('deploy/kubernetes/deployment.yaml');
	await expect(page.getByTestId('line-marks')).toHaveText('new file');
	await expect(w.tree.locator('[data-path="deploy/kubernetes/deployment.yaml"]')).toHaveClass(/changed/);
	await expect(w.content.locator('.line.mark')).toHaveCount(0);
	await page.getByLabel('Image repository').fill('ghcr.io/acme/shop');
	await expect(page.getByTestId('line-marks')).toHaveText(/^\d+ lines? changed$/);
	await expect(w.content.locator('.line.mark').first()).toBeVisible();
});
