"""The command line parses its arguments and runs its commands."""

import pytest

from cli_tool import __version__
from cli_tool.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_hello(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hello", "Ada"]) == 0
    assert capsys.readouterr().out == "Hello, Ada!\n"


def test_config_prints_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert '"log_level"' in out
    assert "change-me" not in out  # passwords and secrets are masked


def test_a_command_is_required() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
