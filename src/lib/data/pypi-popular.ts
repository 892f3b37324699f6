/**
 * Popular PyPI packages with one-line descriptions, shipped with the app for
 * offline autocomplete in the Dependencies step. Hand-written; names are the
 * distribution names as published on PyPI. Lines are `name|description|since`
 * (see PackageInfo.since).
 */
export interface PackageInfo {
	name: string;
	description: string;
	/**
	 * A lower bound for a new requirement (`name>=since`): the release line (major.minor) of the newest
	 * final release in the registry's package list of November 2026 (the workplace's pypi.tsv). Choosing a
	 * suggestion adds `name>=since`; absent when that release was not a plain X.Y[.Z] version.
	 */
	since?: string;
}

const RAW = `
aiofiles|File support for asyncio|25.1
aiohttp|Async HTTP client/server framework for asyncio|3.14
aiosqlite|asyncio bridge to the standard sqlite3 module|0.22
alembic|Database migration tool for SQLAlchemy|1.20
amqp|Low-level AMQP client for Python (used by Celery/Kombu)|5.4
annotated-types|Reusable constraint types for typing.Annotated|0.8
anyio|High-level async concurrency and networking on asyncio or trio|4.16
apache-airflow|Platform to programmatically author, schedule and monitor workflows|3.3
apscheduler|In-process task scheduler with cron-like capabilities|3.11
argon2-cffi|Argon2 password hashing for Python|25.1
arrow|Better dates and times for Python|1.4
asgiref|ASGI specification helpers and sync/async adapters|3.13
asyncpg|Fast PostgreSQL database client for asyncio|0.32
attrs|Classes without boilerplate|26.1
authlib|OAuth and OpenID Connect clients and servers|1.9
autopep8|Automatically format code to conform to PEP 8|2.3
avro|Apache Avro serialization|1.12
awscli|Universal command-line interface for Amazon Web Services|1.46
azure-core|Microsoft Azure core library for Python clients|1.41
azure-identity|Microsoft Azure Active Directory authentication|1.27
azure-storage-blob|Microsoft Azure Blob Storage client|12.31
babel|Internationalization utilities|2.18
bandit|Security linter for Python code|1.9
bcrypt|Modern password hashing|5.0
beautifulsoup4|Screen-scraping library for HTML and XML|4.15
billiard|Multiprocessing fork used by Celery|4.3
black|The uncompromising Python code formatter|26.10
bleach|HTML sanitizing library that escapes or strips markup|6.4
blinker|Fast, simple object-to-object and broadcast signaling|1.9
boto3|AWS SDK for Python|1.44
botocore|Low-level core of the AWS SDK for Python|1.44
build|A simple, correct PEP 517 build frontend|1.6
bump-my-version|Version bump tool for software projects|1.8
cachetools|Extensible memoizing collections and decorators|8.0
celery|Distributed task queue|5.7
certifi|Mozilla's CA bundle for Python
cffi|Foreign Function Interface for calling C code|2.1
chardet|Universal character encoding detector|7.7
charset-normalizer|Charset detection, the modern chardet alternative|3.5
click|Composable command-line interface toolkit|8.5
colorama|Cross-platform colored terminal text|0.4
coloredlogs|Colored terminal output for Python's logging module|15.0
coverage|Code coverage measurement for Python|7.17
croniter|Iterate over datetimes with cron-like syntax|7.0
cryptography|Cryptographic recipes and primitives|50.0
cython|Compiler for writing C extensions for Python|3.3
dask|Parallel computing with task scheduling|2026.8
databases|Async database support for Python|0.9
dataclasses-json|Easily serialize dataclasses to and from JSON|0.6
dateparser|Parse human-readable dates in many languages|1.5
debugpy|Debugger for Python (Debug Adapter Protocol)|1.8
decorator|Decorators for humans|5.3
deepdiff|Deep difference and search of any Python object|9.1
deprecated|Decorator to mark functions and classes deprecated|3.0
dill|Serialize almost all Python objects (extends pickle)|0.4
distlib|Low-level components of distutils2/packaging|0.4
django|High-level Python web framework|6.1
django-cors-headers|Django app for handling CORS headers|4.9
django-debug-toolbar|Configurable panels of debug information for Django|8.0
django-environ|Configure Django with environment variables|0.14
django-extensions|Custom management extensions for Django|4.1
django-filter|Declarative filtering for Django querysets|26.2
django-redis|Full-featured Redis cache backend for Django|7.0
django-storages|Custom storage backends for Django (S3, GCS, Azure...)|1.14
djangorestframework|Web APIs for Django|3.18
dnspython|DNS toolkit for Python|2.9
docker|Python client for the Docker Engine API|7.2
docutils|Documentation utilities (reStructuredText)|0.23
dramatiq|Background task processing library|2.2
duckdb|In-process SQL OLAP database|2.0
dynaconf|Layered configuration management|3.3
elasticsearch|Official Elasticsearch client|9.5
email-validator|Robust email address syntax and deliverability validation|2.4
factory-boy|Test fixtures replacement based on factory_bot|3.3
faker|Generates fake data for tests and demos|40.54
fastapi|Modern, fast web framework for building APIs with type hints|0.163
fastapi-users|Ready-to-use user management for FastAPI|15.0
faststream|Framework for event-driven services (Kafka, RabbitMQ, NATS, Redis)|0.7
filelock|Platform-independent file lock|4.2
flake8|Modular source code checker: pep8, pyflakes and co|7.5
flask|Lightweight WSGI web application framework|3.1
flask-cors|Cross Origin Resource Sharing for Flask|6.0
flask-login|User session management for Flask|0.6
flask-migrate|SQLAlchemy database migrations for Flask with Alembic|4.1
flask-sqlalchemy|SQLAlchemy support for Flask|3.1
flask-wtf|Simple integration of Flask and WTForms|1.3
freezegun|Let your tests travel through time by mocking datetime|1.5
fsspec|Filesystem interfaces for Python|2026.9
gcsfs|Pythonic file-system for Google Cloud Storage|2026.10
gevent|Coroutine-based network library|26.9
gitpython|Interact with Git repositories|3.2
google-api-python-client|Google API client library|2.202
google-auth|Google authentication library|2.62
google-cloud-bigquery|Google BigQuery API client|3.47
google-cloud-pubsub|Google Cloud Pub/Sub API client|2.44
google-cloud-storage|Google Cloud Storage API client|3.17
gql|GraphQL client for Python|4.4
graphene|GraphQL framework for Python|3.4
greenlet|Lightweight in-process concurrent programming|3.5
grpcio|HTTP/2-based RPC framework|1.85
grpcio-tools|Protobuf code generator for gRPC|1.85
gunicorn|WSGI HTTP server for UNIX|27.0
h11|Pure-Python HTTP/1.1 protocol library|0.16
h2|HTTP/2 state machine|4.4
httpcore|Minimal low-level HTTP client|1.0
httptools|Fast HTTP parser (used by uvicorn)|0.9
httpx|Next-generation HTTP client with sync and async APIs|0.28
huggingface-hub|Client for the Hugging Face Hub|2.4
humanize|Human-friendly numbers, dates and sizes|4.17
hvac|HashiCorp Vault API client|2.4
hypercorn|ASGI server supporting HTTP/1, HTTP/2 and HTTP/3|0.18
hypothesis|Property-based testing|6.170
idna|Internationalized domain names in applications|3.20
importlib-metadata|Read metadata from Python packages (backport)|10.2
inflection|Port of Ruby on Rails' inflector|0.5
iniconfig|Brain-dead simple INI config parsing|2.3
invoke|Pythonic task execution|3.0
ipython|Productive interactive computing shell|9.18
isort|Sort Python imports|9.0
itsdangerous|Safely pass data to untrusted environments and back|2.2
jinja2|Fast, expressive, extensible templating engine|3.1
jmespath|JSON matching expressions|1.1
joblib|Lightweight pipelining with Python functions|1.6
jsonpatch|Apply JSON patches (RFC 6902)|1.47
jsonschema|JSON Schema validation|4.26
jupyter|Jupyter metapackage: notebook, console, kernels|1.1
jupyterlab|JupyterLab computational environment|4.6
kafka-python|Pure Python client for Apache Kafka|3.0
keyring|Store and access passwords safely|25.7
kombu|Messaging library for Python (Celery's transport)|5.7
kubernetes|Kubernetes Python client|37.0
langchain|Building applications with large language models|1.5
lightgbm|Gradient boosting framework (LightGBM)|4.7
litestar|Performant, flexible ASGI framework|2.25
locust|Scalable user load testing tool|2.47
loguru|Python logging made (stupidly) simple|0.7
lxml|Powerful XML and HTML processing with libxml2|6.1
mako|Hyperfast, lightweight templating|1.4
mangum|AWS Lambda support for ASGI applications|0.22
markdown|Python implementation of John Gruber's Markdown|3.11
markdown-it-py|Python port of markdown-it|4.3
markupsafe|Safely add untrusted strings to HTML/XML markup|3.0
marshmallow|Convert complex objects to and from native Python types|4.4
matplotlib|Plotting with Python|3.11
mkdocs|Project documentation with Markdown|1.6
mkdocs-material|Material theme for MkDocs|9.8
mock|Rolling backport of unittest.mock|5.2
more-itertools|More routines for operating on iterables|11.2
moto|Mock out AWS services in tests|5.2
msgpack|MessagePack serializer|1.2
msgspec|Fast serialization and validation library|0.22
multidict|Multidict implementation|7.2
mypy|Optional static typing for Python|2.4
mypy-extensions|Type system extensions for mypy|1.2
mysqlclient|MySQL database connector (C extension)|2.3
nest-asyncio|Patch asyncio to allow nested event loops|1.6
networkx|Creating and manipulating graphs and networks|3.7
nltk|Natural Language Toolkit|3.10
nox|Flexible test automation|2026.10
numba|JIT compiler for numerical Python using LLVM|0.68
numpy|Fundamental package for array computing|2.5
oauthlib|Generic OAuth request-signing logic|4.0
openai|Official Python library for the OpenAI API|3.51
opencv-python|Wrapper package for OpenCV|5.0
openpyxl|Read and write Excel 2010 xlsx/xlsm files|3.1
opentelemetry-api|OpenTelemetry Python API|1.45
opentelemetry-sdk|OpenTelemetry Python SDK|1.45
orjson|Fast, correct JSON library|3.13
packaging|Core utilities for Python packages|26.3
pandas|Powerful data structures for data analysis|3.1
paramiko|SSH2 protocol library|5.1
passlib|Comprehensive password hashing framework|1.7
pathspec|Gitignore-style pattern matching|1.1
pendulum|Python datetimes made easy|3.3
pexpect|Control interactive programs in a pseudo-terminal|4.9
pika|Pure-Python RabbitMQ/AMQP client|1.4
pillow|Python Imaging Library (fork)|13.0
pip|The PyPA recommended tool for installing packages
pip-tools|pip-compile and pip-sync: pin requirements|7.6
pipx|Install and run Python applications in isolated environments|1.18
platformdirs|Platform-specific user directories|4.14
plotly|Interactive graphing library|7.1
pluggy|Plugin and hook calling mechanisms|1.7
polars|Blazingly fast DataFrame library|2.1
poetry|Python dependency management and packaging|2.5
pre-commit|Framework for managing pre-commit hooks|4.7
prometheus-client|Prometheus instrumentation library|0.26
prompt-toolkit|Library for building interactive command lines|3.0
protobuf|Protocol Buffers|7.36
psutil|Cross-platform process and system utilities|7.2
psycopg|PostgreSQL database adapter (psycopg 3)|3.3
psycopg2|PostgreSQL database adapter (psycopg 2)|2.9
psycopg2-binary|psycopg2 with bundled binaries|2.9
pyarrow|Python library for Apache Arrow|26.0
pyasn1|ASN.1 types and codecs|0.6
pycparser|C parser in Python|3.12
pycryptodome|Cryptographic library|4.4
pydantic|Data validation using Python type hints|2.14
pydantic-core|Core validation logic for pydantic|2.50
pydantic-settings|Settings management using pydantic|2.16
pyflakes|Passive checker of Python programs|4.1
pygments|Syntax highlighting package|2.21
pyjwt|JSON Web Token implementation|2.15
pylint|Python code static checker|4.1
pymongo|Official MongoDB driver|4.20
pymysql|Pure Python MySQL driver|1.2
pynacl|Binding to libsodium|1.6
pyodbc|DB API module for ODBC|5.5
pyopenssl|Python wrapper around OpenSSL|26.4
pyparsing|Parsing module using PEG-like grammars|3.3
pyright|Static type checker (command-line wrapper)|1.1
pyserial|Serial port access|3.5
pytest|Simple powerful testing with Python|9.2
pytest-asyncio|Pytest support for asyncio|1.5
pytest-benchmark|Fixture for benchmarking code|5.3
pytest-cov|Pytest plugin for coverage reports|7.1
pytest-django|Django plugin for pytest|4.14
pytest-mock|Thin wrapper around mock for pytest|3.17
pytest-randomly|Randomly order tests and control random.seed|5.1
pytest-timeout|Abort hanging tests|2.4
pytest-xdist|Run tests in parallel across CPUs|3.8
python-dateutil|Extensions to the standard datetime module|4.0
python-dotenv|Read key-value pairs from a .env file|1.2
python-jose|JOSE implementation (JWT, JWS, JWE)|3.5
python-json-logger|JSON formatter for the logging module|4.2
python-multipart|Streaming multipart parser (FastAPI forms)|0.0
python-slugify|Slugify application that handles unicode|9.1
pytz|World timezone definitions|2026.6
pyyaml|YAML parser and emitter|6.0
pyzmq|Python bindings for ZeroMQ|27.3
qrcode|QR code image generator|8.2
questionary|Interactive command-line prompts|2.1
rapidfuzz|Rapid fuzzy string matching|3.14
redis|Python client for Redis|8.1
regex|Alternative regular expression module|2026.11
reportlab|PDF generation toolkit|5.1
requests|HTTP for Humans|2.34
requests-oauthlib|OAuthlib authentication support for Requests|2.0
requests-toolbelt|Utility belt for advanced users of Requests|1.0
responses|Mock out the requests library in tests|0.26
respx|Mock HTTPX with awesome request patterns|0.23
rich|Rich text and beautiful formatting in the terminal|15.0
rq|Simple job queues backed by Redis|2.12
rsa|Pure-Python RSA implementation|4.9
ruamel-yaml|YAML parser/emitter that preserves comments|0.19
ruff|Extremely fast Python linter and formatter|0.17
s3fs|Convenient filesystem interface over S3|2026.9
s3transfer|Amazon S3 transfer manager|0.19
scikit-learn|Machine learning in Python|1.9
scipy|Fundamental algorithms for scientific computing|1.18
scrapy|High-level web crawling and scraping framework|2.19
seaborn|Statistical data visualization|0.13
selenium|Browser automation with WebDriver|4.52
sentry-sdk|Python client for Sentry|2.75
setuptools|Easily download, build, install and package Python projects|84.2
shapely|Manipulation and analysis of geometric objects|2.2
simplejson|Simple, fast, extensible JSON encoder/decoder|4.3
six|Python 2 and 3 compatibility utilities|1.17
slack-sdk|Slack API platform SDK|3.47
sniffio|Detect which async library is in use|1.3
sortedcontainers|Sorted list, dict and set types|2.4
sphinx|Python documentation generator|9.2
sqlalchemy|Database toolkit and ORM|2.1
sqlmodel|SQL databases with Python types (SQLAlchemy + pydantic)|0.0
sqlparse|Non-validating SQL parser|0.6
starlette|Lightweight ASGI framework/toolkit|1.10
statsmodels|Statistical modeling and econometrics|0.15
strawberry-graphql|GraphQL library using dataclasses and type hints|0.341
structlog|Structured logging for Python|26.1
stripe|Stripe API client|16.1
sympy|Computer algebra system|1.14
tabulate|Pretty-print tabular data|0.10
tenacity|Retry code until it succeeds|9.2
termcolor|ANSI color formatting for terminal output|3.3
tensorflow|Open source machine learning framework|2.21
textual|Modern text user interface framework|8.2
tiktoken|Fast BPE tokeniser for OpenAI models|0.14
toml|Python library for TOML (legacy; prefer tomllib/tomli)|0.10
tomli|A lil' TOML parser (backport of tomllib)|2.5
tomli-w|A lil' TOML writer|1.2
tomlkit|Style-preserving TOML library|0.15
toolz|List processing tools and functional utilities|1.2
torch|Tensors and dynamic neural networks (PyTorch)|2.15
tornado|Web framework and asynchronous networking library|6.6
tox|Virtualenv-based automation of test activities|4.67
tqdm|Fast, extensible progress bar|4.70
trio|Friendly async I/O library|0.35
twine|Collection of utilities for publishing packages on PyPI|7.0
typer|Build great CLIs based on Python type hints|0.29
types-pyyaml|Typing stubs for PyYAML|6.0
types-redis|Typing stubs for redis|4.6
types-requests|Typing stubs for requests|2.33
typing-extensions|Backported and experimental type hints|4.16
tzdata|IANA time zone data|2026.6
ujson|Ultra fast JSON encoder and decoder|6.1
urllib3|HTTP library with thread-safe connection pooling|2.8
uv|Extremely fast Python package and project manager|0.13
uvicorn|Lightning-fast ASGI server|0.54
uvloop|Fast implementation of the asyncio event loop|0.23
validators|Python data validation for humans|0.36
vcrpy|Record and replay HTTP interactions in tests|9.4
virtualenv|Virtual Python environment builder|21.15
waitress|Production-quality pure-Python WSGI server|3.0
watchdog|Filesystem events monitoring|7.1
watchfiles|Simple, modern and fast file watching|1.3
websocket-client|WebSocket client for Python|1.9
websockets|WebSocket client and server library|17.4
werkzeug|Comprehensive WSGI web application library|3.1
wheel|Command line tool for manipulating wheel files|0.48
whitenoise|Radically simplified static file serving for WSGI apps|6.12
wrapt|Decorators, wrappers and monkey patching|2.5
wtforms|Form validation and rendering|3.3
xgboost|Scalable gradient boosting library|3.4
xlsxwriter|Write files in the Excel 2007+ XLSX format|3.3
xmltodict|Work with XML like JSON|1.0
yarl|Yet another URL library|1.25
zipp|Backport of pathlib-compatible zipfile Path|4.1
zope-interface|Interfaces for Python|8.7
a2wsgi|Convert WSGI apps to ASGI and vice versa|1.10
aioboto3|Async AWS SDK for Python|15.5
aiokafka|Kafka integration with asyncio|0.14
aioredis|asyncio Redis client (merged into redis-py)|2.0
apispec|Pluggable API specification generator (OpenAPI)|6.10
asttokens|Annotate AST trees with source code positions|3.0
bidict|Bidirectional mapping library|0.24
boto3-stubs|Type annotations for boto3|1.44
cattrs|Composable complex class support for attrs and dataclasses|26.2
channels|Brings async, event-driven capabilities to Django|4.3
click-plugins|Register CLI commands via setuptools entry points|1.1
cookiecutter|Create projects from project templates|2.7
daphne|Django ASGI (HTTP/WebSocket) server|4.2
django-celery-beat|Database-backed periodic tasks for Django and Celery|2.9
django-stubs|Type stubs and mypy plugin for Django|6.1
dj-database-url|Use database URLs in Django settings|3.1
environs|Simplified environment variable parsing|15.2
fabric|High-level SSH command execution|3.2
flask-restx|REST API framework for Flask with Swagger docs|1.3
geopy|Geocoding library for Python|2.5
granian|Rust HTTP server for Python applications|2.8
hatch|Modern, extensible Python project manager|1.18
hatchling|Modern, extensible Python build backend|1.33
icecream|Never use print() to debug again|2.2
jsonpointer|Identify specific nodes in a JSON document|3.12
mkdocstrings|Automatic documentation from sources for MkDocs|1.0
mypy-boto3-s3|Type annotations for boto3 S3|1.43
nanoid|Tiny, secure URL-friendly unique string ID generator|2.0
opentelemetry-instrumentation-fastapi|OpenTelemetry FastAPI instrumentation
peewee|Small, expressive ORM|4.5
pip-audit|Audit Python environments for known vulnerabilities|2.10
pydantic-extra-types|Extra types for pydantic|2.11
pyinstaller|Bundle a Python application into a single executable|6.22
pymemcache|Comprehensive, fast memcached client|4.0
pyupgrade|Automatically upgrade syntax for newer Pythons|3.22
semver|Semantic versioning library|3.1
shellingham|Detect which shell the process runs in|1.5
slowapi|Rate limiting for Starlette and FastAPI|0.1
sqlalchemy-utils|Various utility functions for SQLAlchemy|0.43
sse-starlette|Server-sent events for Starlette and FastAPI|3.7
taskipy|Task runner for Python projects|1.14
time-machine|Travel through time in tests, fast|3.6
tortoise-orm|Easy async ORM inspired by Django|1.1
transformers|State-of-the-art machine learning for PyTorch, TensorFlow and JAX|5.23
typeguard|Run-time type checker for functions|4.6
types-python-dateutil|Typing stubs for python-dateutil|2.9
ulid-py|Universally Unique Lexicographically Sortable Identifier|1.1
unidecode|ASCII transliterations of Unicode text|1.4
weasyprint|Render HTML and CSS to PDF|70.0
zstandard|Zstandard compression bindings|0.25
`;

/** Sorted by name, de-duplicated. */
export const POPULAR_PACKAGES: readonly PackageInfo[] = [
	...new Map(
		RAW.trim()
			.split('\n')
			.map((l) => {
				const [name, description, since] = l.split('|');
				return [name.toLowerCase(), since ? { name, description, since } : { name, description }] as const;
			})
	).values()
].sort((a, b) => (a.name < b.name ? -1 : 1));

/**
 * Packages matching what the user typed (the name part of a requirement), best first:
 * exact, then prefix, then substring of the name, then of the description.
 */
export function suggestPackages(query: string, limit = 8): PackageInfo[] {
	const q = query.trim().toLowerCase().replace(/[_.]+/g, '-');
	if (!q) return [];
	const scored: [number, PackageInfo][] = [];
	for (const p of POPULAR_PACKAGES) {
		const n = p.name.toLowerCase();
		const score = n === q ? 0 : n.startsWith(q) ? 1 : n.includes(q) ? 2 : q.length >= 3 && p.description.toLowerCase().includes(q) ? 3 : -1;
		if (score >= 0) scored.push([score, p]);
	}
	return scored
		.sort((a, b) => a[0] - b[0] || a[1].name.length - b[1].name.length || (a[1].name < b[1].name ? -1 : 1))
		.slice(0, limit)
		.map(([, p]) => p);
}
