"""Every command and snippet of the README runs, in order, on samples/: the README cannot
rot. (The two fresh-machine commands are run by CI itself, from the README.)"""
import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(sh|python)\n(.*?)```", README, re.S)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder laid out like a checkout: samples/ here, ../shared beside it."""
    top = tmp_path_factory.mktemp("readme")
    work = top / "vnkb"
    work.mkdir()
    (work / "samples").symlink_to(ROOT / "samples")
    if SHARED.exists():
        (top / "shared").symlink_to(SHARED)
    return work


def test_readme_has_examples():
    assert [kind for kind, _ in BLOCKS].count("python") >= 4 and any(kind == "sh" for kind, _ in BLOCKS)


def test_readme_commands_and_snippets_run(workdir):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(workdir)
    sys.path.insert(0, str(ROOT))
    try:
        for kind, body in BLOCKS:
            if kind == "sh":
                for line in body.strip().splitlines():
                    args = shlex.split(line)
                    assert args[0] == "vnkb", line
                    if "../shared" in line and not SHARED.exists():
                        continue
                    done = subprocess.run([sys.executable, "-m", "pipeline.cli", *args[1:]], env=env,
                                          capture_output=True, text=True, timeout=300)
                    assert done.returncode == 0, (line, done.stdout[-2000:], done.stderr[-2000:])
            else:
                exec(compile(body, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert (workdir / "targets.xlsx").exists() and (workdir / "kb_tables" / "tables_long.csv").exists()
