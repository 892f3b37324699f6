/**
 * Popular PyPI packages with one-line descriptions, shipped with the app for
 * offline autocomplete in the Dependencies step. Hand-written; names are the
 * distribution names as published on PyPI.
 */
export interface PackageInfo {
	name: string;
	description: string;
}

const RAW = `
aiofiles|File support for asyncio
aiohttp|Async HTTP client/server framework for asyncio
aiosqlite|asyncio bridge to the standard sqlite3 module
alembic|Database migration tool for SQLAlchemy
amqp|Low-level AMQP client for Python (used by Celery/Kombu)
annotated-types|Reusable constraint types for typing.Annotated
anyio|High-level async concurrency and networking on asyncio or trio
apache-airflow|Platform to programmatically author, schedule and monitor workflows
apscheduler|In-process task scheduler with cron-like capabilities
argon2-cffi|Argon2 password hashing for Python
arrow|Better dates and times for Python
asgiref|ASGI specification helpers and sync/async adapters
asyncpg|Fast PostgreSQL database client for asyncio
attrs|Classes without boilerplate
authlib|OAuth and OpenID Connect clients and servers
autopep8|Automatically format code to conform to PEP 8
avro|Apache Avro serialization
awscli|Universal command-line interface for Amazon Web Services
azure-core|Microsoft Azure core library for Python clients
azure-identity|Microsoft Azure Active Directory authentication
azure-storage-blob|Microsoft Azure Blob Storage client
babel|Internationalization utilities
bandit|Security linter for Python code
bcrypt|Modern password hashing
beautifulsoup4|Screen-scraping library for HTML and XML
billiard|Multiprocessing fork used by Celery
black|The uncompromising Python code formatter
bleach|HTML sanitizing library that escapes or strips markup
blinker|Fast, simple object-to-object and broadcast signaling
boto3|AWS SDK for Python
botocore|Low-level core of the AWS SDK for Python
build|A simple, correct PEP 517 build frontend
bump-my-version|Version bump tool for software projects
cachetools|Extensible memoizing collections and decorators
celery|Distributed task queue
certifi|Mozilla's CA bundle for Python
cffi|Foreign Function Interface for calling C code
chardet|Universal character encoding detector
charset-normalizer|Charset detection, the modern chardet alternative
click|Composable command-line interface toolkit
colorama|Cross-platform colored terminal text
coloredlogs|Colored terminal output for Python's logging module
coverage|Code coverage measurement for Python
croniter|Iterate over datetimes with cron-like syntax
cryptography|Cryptographic recipes and primitives
cython|Compiler for writing C extensions for Python
dask|Parallel computing with task scheduling
databases|Async database support for Python
dataclasses-json|Easily serialize dataclasses to and from JSON
dateparser|Parse human-readable dates in many languages
debugpy|Debugger for Python (Debug Adapter Protocol)
decorator|Decorators for humans
deepdiff|Deep difference and search of any Python object
deprecated|Decorator to mark functions and classes deprecated
dill|Serialize almost all Python objects (extends pickle)
distlib|Low-level components of distutils2/packaging
django|High-level Python web framework
django-cors-headers|Django app for handling CORS headers
django-debug-toolbar|Configurable panels of debug information for Django
django-environ|Configure Django with environment variables
django-extensions|Custom management extensions for Django
django-filter|Declarative filtering for Django querysets
django-redis|Full-featured Redis cache backend for Django
django-storages|Custom storage backends for Django (S3, GCS, Azure...)
djangorestframework|Web APIs for Django
dnspython|DNS toolkit for Python
docker|Python client for the Docker Engine API
docutils|Documentation utilities (reStructuredText)
dramatiq|Background task processing library
duckdb|In-process SQL OLAP database
dynaconf|Layered configuration management
elasticsearch|Official Elasticsearch client
email-validator|Robust email address syntax and deliverability validation
factory-boy|Test fixtures replacement based on factory_bot
faker|Generates fake data for tests and demos
fastapi|Modern, fast web framework for building APIs with type hints
fastapi-users|Ready-to-use user management for FastAPI
faststream|Framework for event-driven services (Kafka, RabbitMQ, NATS, Redis)
filelock|Platform-independent file lock
flake8|Modular source code checker: pep8, pyflakes and co
flask|Lightweight WSGI web application framework
flask-cors|Cross Origin Resource Sharing for Flask
flask-login|User session management for Flask
flask-migrate|SQLAlchemy database migrations for Flask with Alembic
flask-sqlalchemy|SQLAlchemy support for Flask
flask-wtf|Simple integration of Flask and WTForms
freezegun|Let your tests travel through time by mocking datetime
fsspec|Filesystem interfaces for Python
gcsfs|Pythonic file-system for Google Cloud Storage
gevent|Coroutine-based network library
gitpython|Interact with Git repositories
google-api-python-client|Google API client library
google-auth|Google authentication library
google-cloud-bigquery|Google BigQuery API client
google-cloud-pubsub|Google Cloud Pub/Sub API client
google-cloud-storage|Google Cloud Storage API client
gql|GraphQL client for Python
graphene|GraphQL framework for Python
greenlet|Lightweight in-process concurrent programming
grpcio|HTTP/2-based RPC framework
grpcio-tools|Protobuf code generator for gRPC
gunicorn|WSGI HTTP server for UNIX
h11|Pure-Python HTTP/1.1 protocol library
h2|HTTP/2 state machine
httpcore|Minimal low-level HTTP client
httptools|Fast HTTP parser (used by uvicorn)
httpx|Next-generation HTTP client with sync and async APIs
huggingface-hub|Client for the Hugging Face Hub
humanize|Human-friendly numbers, dates and sizes
hvac|HashiCorp Vault API client
hypercorn|ASGI server supporting HTTP/1, HTTP/2 and HTTP/3
hypothesis|Property-based testing
idna|Internationalized domain names in applications
importlib-metadata|Read metadata from Python packages (backport)
inflection|Port of Ruby on Rails' inflector
iniconfig|Brain-dead simple INI config parsing
invoke|Pythonic task execution
ipython|Productive interactive computing shell
isort|Sort Python imports
itsdangerous|Safely pass data to untrusted environments and back
jinja2|Fast, expressive, extensible templating engine
jmespath|JSON matching expressions
joblib|Lightweight pipelining with Python functions
jsonpatch|Apply JSON patches (RFC 6902)
jsonschema|JSON Schema validation
jupyter|Jupyter metapackage: notebook, console, kernels
jupyterlab|JupyterLab computational environment
kafka-python|Pure Python client for Apache Kafka
keyring|Store and access passwords safely
kombu|Messaging library for Python (Celery's transport)
kubernetes|Kubernetes Python client
langchain|Building applications with large language models
lightgbm|Gradient boosting framework (LightGBM)
litestar|Performant, flexible ASGI framework
locust|Scalable user load testing tool
loguru|Python logging made (stupidly) simple
lxml|Powerful XML and HTML processing with libxml2
mako|Hyperfast, lightweight templating
mangum|AWS Lambda support for ASGI applications
markdown|Python implementation of John Gruber's Markdown
markdown-it-py|Python port of markdown-it
markupsafe|Safely add untrusted strings to HTML/XML markup
marshmallow|Convert complex objects to and from native Python types
matplotlib|Plotting with Python
mkdocs|Project documentation with Markdown
mkdocs-material|Material theme for MkDocs
mock|Rolling backport of unittest.mock
more-itertools|More routines for operating on iterables
moto|Mock out AWS services in tests
msgpack|MessagePack serializer
msgspec|Fast serialization and validation library
multidict|Multidict implementation
mypy|Optional static typing for Python
mypy-extensions|Type system extensions for mypy
mysqlclient|MySQL database connector (C extension)
nest-asyncio|Patch asyncio to allow nested event loops
networkx|Creating and manipulating graphs and networks
nltk|Natural Language Toolkit
nox|Flexible test automation
numba|JIT compiler for numerical Python using LLVM
numpy|Fundamental package for array computing
oauthlib|Generic OAuth request-signing logic
openai|Official Python library for the OpenAI API
opencv-python|Wrapper package for OpenCV
openpyxl|Read and write Excel 2010 xlsx/xlsm files
opentelemetry-api|OpenTelemetry Python API
opentelemetry-sdk|OpenTelemetry Python SDK
orjson|Fast, correct JSON library
packaging|Core utilities for Python packages
pandas|Powerful data structures for data analysis
paramiko|SSH2 protocol library
passlib|Comprehensive password hashing framework
pathspec|Gitignore-style pattern matching
pendulum|Python datetimes made easy
pexpect|Control interactive programs in a pseudo-terminal
pika|Pure-Python RabbitMQ/AMQP client
pillow|Python Imaging Library (fork)
pip|The PyPA recommended tool for installing packages
pip-tools|pip-compile and pip-sync: pin requirements
pipx|Install and run Python applications in isolated environments
platformdirs|Platform-specific user directories
plotly|Interactive graphing library
pluggy|Plugin and hook calling mechanisms
polars|Blazingly fast DataFrame library
poetry|Python dependency management and packaging
pre-commit|Framework for managing pre-commit hooks
prometheus-client|Prometheus instrumentation library
prompt-toolkit|Library for building interactive command lines
protobuf|Protocol Buffers
psutil|Cross-platform process and system utilities
psycopg|PostgreSQL database adapter (psycopg 3)
psycopg2|PostgreSQL database adapter (psycopg 2)
psycopg2-binary|psycopg2 with bundled binaries
pyarrow|Python library for Apache Arrow
pyasn1|ASN.1 types and codecs
pycparser|C parser in Python
pycryptodome|Cryptographic library
pydantic|Data validation using Python type hints
pydantic-core|Core validation logic for pydantic
pydantic-settings|Settings management using pydantic
pyflakes|Passive checker of Python programs
pygments|Syntax highlighting package
pyjwt|JSON Web Token implementation
pylint|Python code static checker
pymongo|Official MongoDB driver
pymysql|Pure Python MySQL driver
pynacl|Binding to libsodium
pyodbc|DB API module for ODBC
pyopenssl|Python wrapper around OpenSSL
pyparsing|Parsing module using PEG-like grammars
pyright|Static type checker (command-line wrapper)
pyserial|Serial port access
pytest|Simple powerful testing with Python
pytest-asyncio|Pytest support for asyncio
pytest-benchmark|Fixture for benchmarking code
pytest-cov|Pytest plugin for coverage reports
pytest-django|Django plugin for pytest
pytest-mock|Thin wrapper around mock for pytest
pytest-randomly|Randomly order tests and control random.seed
pytest-timeout|Abort hanging tests
pytest-xdist|Run tests in parallel across CPUs
python-dateutil|Extensions to the standard datetime module
python-dotenv|Read key-value pairs from a .env file
python-jose|JOSE implementation (JWT, JWS, JWE)
python-json-logger|JSON formatter for the logging module
python-multipart|Streaming multipart parser (FastAPI forms)
python-slugify|Slugify application that handles unicode
pytz|World timezone definitions
pyyaml|YAML parser and emitter
pyzmq|Python bindings for ZeroMQ
qrcode|QR code image generator
questionary|Interactive command-line prompts
rapidfuzz|Rapid fuzzy string matching
redis|Python client for Redis
regex|Alternative regular expression module
reportlab|PDF generation toolkit
requests|HTTP for Humans
requests-oauthlib|OAuthlib authentication support for Requests
requests-toolbelt|Utility belt for advanced users of Requests
responses|Mock out the requests library in tests
respx|Mock HTTPX with awesome request patterns
rich|Rich text and beautiful formatting in the terminal
rq|Simple job queues backed by Redis
rsa|Pure-Python RSA implementation
ruamel-yaml|YAML parser/emitter that preserves comments
ruff|Extremely fast Python linter and formatter
s3fs|Convenient filesystem interface over S3
s3transfer|Amazon S3 transfer manager
scikit-learn|Machine learning in Python
scipy|Fundamental algorithms for scientific computing
scrapy|High-level web crawling and scraping framework
seaborn|Statistical data visualization
selenium|Browser automation with WebDriver
sentry-sdk|Python client for Sentry
setuptools|Easily download, build, install and package Python projects
shapely|Manipulation and analysis of geometric objects
simplejson|Simple, fast, extensible JSON encoder/decoder
six|Python 2 and 3 compatibility utilities
slack-sdk|Slack API platform SDK
sniffio|Detect which async library is in use
sortedcontainers|Sorted list, dict and set types
sphinx|Python documentation generator
sqlalchemy|Database toolkit and ORM
sqlmodel|SQL databases with Python types (SQLAlchemy + pydantic)
sqlparse|Non-validating SQL parser
starlette|Lightweight ASGI framework/toolkit
statsmodels|Statistical modeling and econometrics
strawberry-graphql|GraphQL library using dataclasses and type hints
structlog|Structured logging for Python
stripe|Stripe API client
sympy|Computer algebra system
tabulate|Pretty-print tabular data
tenacity|Retry code until it succeeds
termcolor|ANSI color formatting for terminal output
tensorflow|Open source machine learning framework
textual|Modern text user interface framework
tiktoken|Fast BPE tokeniser for OpenAI models
toml|Python library for TOML (legacy; prefer tomllib/tomli)
tomli|A lil' TOML parser (backport of tomllib)
tomli-w|A lil' TOML writer
tomlkit|Style-preserving TOML library
toolz|List processing tools and functional utilities
torch|Tensors and dynamic neural networks (PyTorch)
tornado|Web framework and asynchronous networking library
tox|Virtualenv-based automation of test activities
tqdm|Fast, extensible progress bar
trio|Friendly async I/O library
twine|Collection of utilities for publishing packages on PyPI
typer|Build great CLIs based on Python type hints
types-pyyaml|Typing stubs for PyYAML
types-redis|Typing stubs for redis
types-requests|Typing stubs for requests
typing-extensions|Backported and experimental type hints
tzdata|IANA time zone data
ujson|Ultra fast JSON encoder and decoder
urllib3|HTTP library with thread-safe connection pooling
uv|Extremely fast Python package and project manager
uvicorn|Lightning-fast ASGI server
uvloop|Fast implementation of the asyncio event loop
validators|Python data validation for humans
vcrpy|Record and replay HTTP interactions in tests
virtualenv|Virtual Python environment builder
waitress|Production-quality pure-Python WSGI server
watchdog|Filesystem events monitoring
watchfiles|Simple, modern and fast file watching
websocket-client|WebSocket client for Python
websockets|WebSocket client and server library
werkzeug|Comprehensive WSGI web application library
wheel|Command line tool for manipulating wheel files
whitenoise|Radically simplified static file serving for WSGI apps
wrapt|Decorators, wrappers and monkey patching
wtforms|Form validation and rendering
xgboost|Scalable gradient boosting library
xlsxwriter|Write files in the Excel 2007+ XLSX format
xmltodict|Work with XML like JSON
yarl|Yet another URL library
zipp|Backport of pathlib-compatible zipfile Path
zope-interface|Interfaces for Python
a2wsgi|Convert WSGI apps to ASGI and vice versa
aioboto3|Async AWS SDK for Python
aiokafka|Kafka integration with asyncio
aioredis|asyncio Redis client (merged into redis-py)
apispec|Pluggable API specification generator (OpenAPI)
asttokens|Annotate AST trees with source code positions
bidict|Bidirectional mapping library
boto3-stubs|Type annotations for boto3
cattrs|Composable complex class support for attrs and dataclasses
channels|Brings async, event-driven capabilities to Django
click-plugins|Register CLI commands via setuptools entry points
cookiecutter|Create projects from project templates
daphne|Django ASGI (HTTP/WebSocket) server
django-celery-beat|Database-backed periodic tasks for Django and Celery
django-stubs|Type stubs and mypy plugin for Django
dj-database-url|Use database URLs in Django settings
environs|Simplified environment variable parsing
fabric|High-level SSH command execution
flask-restx|REST API framework for Flask with Swagger docs
geopy|Geocoding library for Python
granian|Rust HTTP server for Python applications
hatch|Modern, extensible Python project manager
hatchling|Modern, extensible Python build backend
icecream|Never use print() to debug again
jsonpointer|Identify specific nodes in a JSON document
mkdocstrings|Automatic documentation from sources for MkDocs
mypy-boto3-s3|Type annotations for boto3 S3
nanoid|Tiny, secure URL-friendly unique string ID generator
opentelemetry-instrumentation-fastapi|OpenTelemetry FastAPI instrumentation
peewee|Small, expressive ORM
pip-audit|Audit Python environments for known vulnerabilities
pydantic-extra-types|Extra types for pydantic
pyinstaller|Bundle a Python application into a single executable
pymemcache|Comprehensive, fast memcached client
pyupgrade|Automatically upgrade syntax for newer Pythons
semver|Semantic versioning library
shellingham|Detect which shell the process runs in
slowapi|Rate limiting for Starlette and FastAPI
sqlalchemy-utils|Various utility functions for SQLAlchemy
sse-starlette|Server-sent events for Starlette and FastAPI
taskipy|Task runner for Python projects
time-machine|Travel through time in tests, fast
tortoise-orm|Easy async ORM inspired by Django
transformers|State-of-the-art machine learning for PyTorch, TensorFlow and JAX
typeguard|Run-time type checker for functions
types-python-dateutil|Typing stubs for python-dateutil
ulid-py|Universally Unique Lexicographically Sortable Identifier
unidecode|ASCII transliterations of Unicode text
weasyprint|Render HTML and CSS to PDF
zstandard|Zstandard compression bindings
`;

/** Sorted by name, de-duplicated. */
export const POPULAR_PACKAGES: readonly PackageInfo[] = [
	...new Map(
		RAW.trim()
			.split('\n')
			.map((l) => {
				const [name, description] = l.split('|');
				return [name.toLowerCase(), { name, description }] as const;
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
