#!/usr/bin/env python3
"""Checks a profile JSONL file against the format of docs/profiles.md and an attribute schema, then prints
counts and distributions.

    python3 scripts/validate_profiles.py data/sample/candidates.jsonl --schema data/sample/candidates.schema.json
    python3 scripts/validate_profiles.py data/sample/jobs.jsonl --schema data/sample/jobs.schema.json

Without --skip-bad the first bad line stops the run (exit 1), as the library's loader does; with --skip-bad
every bad line is reported and counted and the run goes on. Standard library only.
"""
import argparse
import collections
import json
import math
import sys
import unicodedata

MAX_ID_BYTES = 128
MAX_SKILL_NAME_CHARS = 200
MAX_YEARS = 60
TOP_LEVEL = {"id", "title", "skills", "attributes", "vector"}
SKILL_KEYS = {"name", "required", "weight", "years", "level"}
ATTRIBUTE_TYPES = {"categorical", "ordinal", "numeric", "boolean"}


class BadLine(Exception):
    pass


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def has_control(text):
    return any(unicodedata.category(c) == "Cc" for c in text)


def load_schema(path):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    if schema.get("format") != "skillmatch-attribute-schema" or schema.get("version") != 1:
        sys.exit(f"{path}: not a skillmatch-attribute-schema version 1 file")
    attrs = schema.get("attributes")
    if not isinstance(attrs, dict):
        sys.exit(f"{path}: 'attributes' must be an object")
    for name, decl in attrs.items():
        if decl.get("type") not in ATTRIBUTE_TYPES:
            sys.exit(f"{path}: attribute {name!r}: type must be one of {sorted(ATTRIBUTE_TYPES)}")
        if decl["type"] == "ordinal" and not decl.get("values"):
            sys.exit(f"{path}: ordinal attribute {name!r} needs its 'values', lowest first")
    return attrs


def reject_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dup = [k for k, n in collections.Counter(keys).items() if n > 1]
    if dup:
        raise BadLine(f"duplicate key {dup[0]!r} in one object")
    return dict(pairs)


def reject_constant(name):
    raise BadLine(f"{name} is not valid JSON")


def check_skill(i, s):
    where = f"skills[{i}]"
    if isinstance(s, str):
        if not s.strip():
            raise BadLine(f"{where}: empty skill name")
        if len(s) > MAX_SKILL_NAME_CHARS or has_control(s):
            raise BadLine(f"{where}: skill name longer than {MAX_SKILL_NAME_CHARS} characters or with control characters")
        return "string"
    if not isinstance(s, dict):
        raise BadLine(f"{where}: a skill is a string or an object, not {type(s).__name__}")
    unknown = sorted(set(s) - SKILL_KEYS)
    if unknown:
        raise BadLine(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(SKILL_KEYS))})")
    name = s.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BadLine(f"{where}: 'name' must be a non-empty string")
    if len(name) > MAX_SKILL_NAME_CHARS or has_control(name):
        raise BadLine(f"{where}: skill name longer than {MAX_SKILL_NAME_CHARS} characters or with control characters")
    if "required" in s and not isinstance(s["required"], bool):
        raise BadLine(f"{where}: 'required' must be true or false")
    if "weight" in s and not (is_number(s["weight"]) and s["weight"] > 0):
        raise BadLine(f"{where}: 'weight' must be a positive number")
    if "years" in s and "level" in s:
        raise BadLine(f"{where}: give 'years' or 'level', not both")
    if "years" in s and not (is_number(s["years"]) and 0 <= s["years"] <= MAX_YEARS):
        raise BadLine(f"{where}: 'years' must be a number from 0 to {MAX_YEARS}")
    if "level" in s and not (isinstance(s["level"], int) and not isinstance(s["level"], bool)
                             and 1 <= s["level"] <= 5):
        raise BadLine(f"{where}: 'level' must be an integer from 1 to 5")
    return "years" if "years" in s else "level" if "level" in s else "object"


def check_attribute(schema, name, value):
    decl = schema.get(name)
    if decl is None:
        raise BadLine(f"attributes: {name!r} is not declared in the schema (declared: {', '.join(sorted(schema))})")
    if value is None:
        return
    t = decl["type"]
    if t == "boolean" and not isinstance(value, bool):
        raise BadLine(f"attributes.{name}: boolean expected, got {json.dumps(value, ensure_ascii=False)}")
    if t == "numeric" and not is_number(value):
        raise BadLine(f"attributes.{name}: number expected, got {json.dumps(value, ensure_ascii=False)}")
    if t in ("categorical", "ordinal"):
        if not isinstance(value, str) or not value.strip():
            raise BadLine(f"attributes.{name}: non-empty string expected, got {json.dumps(value, ensure_ascii=False)}")
        if "values" in decl and value not in decl["values"]:
            raise BadLine(f"attributes.{name}: {value!r} is not one of {decl['values']}")


def check_profile(obj, schema, state):
    if not isinstance(obj, dict):
        raise BadLine("a line must hold one JSON object")
    unknown = sorted(k for k in obj if k not in TOP_LEVEL and not k.startswith("_"))
    if unknown:
        raise BadLine(f"unknown field {unknown[0]!r} (fields: id, title, skills, attributes, vector; "
                      f"names starting with '_' are ignored)")
    pid = obj.get("id")
    if not isinstance(pid, str) or not pid.strip() or pid != pid.strip() or has_control(pid) \
            or len(pid.encode("utf-8")) > MAX_ID_BYTES:
        raise BadLine(f"'id' must be a non-empty string of at most {MAX_ID_BYTES} bytes without surrounding "
                      f"spaces or control characters")
    if pid in state["ids"]:
        raise BadLine(f"id {pid!r} repeats the id of line {state['ids'][pid]}")
    if "title" in obj and not isinstance(obj["title"], str):
        raise BadLine("'title' must be a string")
    skills = obj.get("skills", [])
    if not isinstance(skills, list):
        raise BadLine("'skills' must be an array")
    kinds = [check_skill(i, s) for i, s in enumerate(skills)]
    attrs = obj.get("attributes", {})
    if not isinstance(attrs, dict):
        raise BadLine("'attributes' must be an object")
    for name, value in attrs.items():
        check_attribute(schema, name, value)
    vec = obj.get("vector")
    if vec is not None:
        if not isinstance(vec, list) or not vec or not all(is_number(x) for x in vec):
            raise BadLine("'vector' must be a non-empty array of finite numbers")
        if state["dim"] is None:
            state["dim"] = (len(vec), state["line"])
        elif state["dim"][0] != len(vec):
            raise BadLine(f"'vector' has {len(vec)} numbers, line {state['dim'][1]} had {state['dim'][0]}")
    if not skills and not vec:
        raise BadLine("profile has neither skills nor a vector")
    return kinds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--schema", required=True, help="attribute schema (JSON), see docs/profiles.md")
    ap.add_argument("--skip-bad", action="store_true", help="report and count bad lines, keep going")
    ap.add_argument("--top", type=int, default=25, help="rows shown per distribution")
    args = ap.parse_args()
    schema = load_schema(args.schema)

    state = {"ids": {}, "dim": None, "line": 0}
    good, bad = [], 0
    kinds = collections.Counter()
    with open(args.file, "rb") as f:
        for lineno, raw in enumerate(f, 1):
            state["line"] = lineno
            try:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    raise BadLine(f"not UTF-8 ({e.reason} at byte {e.start})")
                if lineno == 1 and text.startswith("\ufeff"):
                    text = text[1:]
                text = text.rstrip("\r\n")
                if not text.strip():
                    continue
                try:
                    obj = json.loads(text, object_pairs_hook=reject_duplicate_keys, parse_constant=reject_constant)
                except json.JSONDecodeError as e:
                    raise BadLine(f"invalid JSON: {e.msg} at column {e.colno}")
                kinds.update(check_profile(obj, schema, state))
                state["ids"][obj["id"]] = lineno
                good.append(obj)
            except BadLine as e:
                print(f"{args.file}:{lineno}: {e}", file=sys.stderr)
                if not args.skip_bad:
                    return 1
                bad += 1

    print(f"== {args.file}: {len(good)} valid profiles, {bad} bad lines skipped")
    report(good, kinds, schema, args.top)
    return 0


def report(profiles, kinds, schema, top):
    def show(title, counter, total=None):
        total = total or sum(counter.values())
        print(f"-- {title}")
        for k, n in counter.most_common(top):
            print(f"   {str(k):<28} {n:6d}  {100.0 * n / total:5.1f}%")

    n_sk = [len(p.get("skills", [])) for p in profiles]
    n_req = sum(1 for p in profiles for s in p.get("skills", []) if isinstance(s, dict) and s.get("required"))
    print(f"-- skills per profile: min {min(n_sk)}, mean {sum(n_sk) / len(n_sk):.1f}, max {max(n_sk)}; "
          f"{sum(n_sk)} skills, {n_req} required")
    show("skill entry forms (string / object with years / with level / other object)", kinds)
    names = [s if isinstance(s, str) else s["name"] for p in profiles for s in p.get("skills", [])]
    ja = sum(1 for t in names if any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in t))
    fw = sum(1 for t in names if any("\uff01" <= c <= "\uff5e" for c in t))
    ja_titles = sum(1 for p in profiles
                    if any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in p.get("title", "")))
    print(f"-- skill names in Japanese script: {ja}; with full-width Latin: {fw}; Japanese titles: {ja_titles}")
    for field in ("_source_occupation", "_onet_overlap", "_area"):
        c = collections.Counter(p.get(field, "(absent)") for p in profiles)
        if set(c) != {"(absent)"}:
            show(f"{field}", c)
    for name, decl in schema.items():
        values = [p.get("attributes", {}).get(name) for p in profiles]
        if decl["type"] == "numeric":
            xs = sorted(v for v in values if v is not None)
            if xs:
                q = lambda f: xs[min(len(xs) - 1, int(f * len(xs)))]
                print(f"-- {name} (numeric): n {len(xs)}, min {xs[0]}, p25 {q(.25)}, median {q(.5)}, "
                      f"p75 {q(.75)}, max {xs[-1]}")
        else:
            show(f"{name} ({decl['type']})", collections.Counter("(absent)" if v is None else v for v in values))


if __name__ == "__main__":
    sys.exit(main())
