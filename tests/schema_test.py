#!/usr/bin/python3
"""Checks the catalogue JSON Schema against example catalogues.

Usage:
    schema_test.py SCHEMA [GOOD_FILE...] [--bad BAD_FILE...]

First checks SCHEMA itself against its meta-schema. Then every GOOD file must
validate with no errors (each error is printed with its JSON path), and every
BAD file must fail with at least one error. A BAD file may also name the places
that must be wrong, one comment line each, optionally with the JSON Schema keyword
that must fail there ("false" for a `false` schema):

    # schema-test: expect-error $.roles[0].settings type

and then each named place (or something inside it) must have such an error, and
there must be no errors anywhere else.

Prints one line per file (errors indented below it). Exits 0 when everything is
as expected, 1 otherwise. Needs PyYAML and jsonschema (Debian: python3-yaml,
python3-jsonschema).
"""

import argparse
import datetime
import io
import json
import re
import sys

import jsonschema
import yaml
from jsonschema.validators import validator_for

EXPECT_RE = re.compile(r"^\s*#\s*schema-test:\s*expect-error\s+(\S+)(?:[ \t]+(\w+))?[ \t]*$", re.MULTILINE)
IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class UniqueKeySafeLoader(yaml.SafeLoader):
    """yaml.safe_load's loader, except that a key given twice in one mapping is an error
    (plain PyYAML silently keeps the last one, hiding the first value from the check)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:  # unhashable key; let PyYAML report it
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    "found duplicate key %r" % (key,), key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def json_path(parts):
    out = "$"
    for p in parts:
        if isinstance(p, int):
            out += "[%d]" % p
        elif IDENT_RE.match(str(p)):
            out += "." + str(p)
        else:
            out += "[%s]" % json.dumps(str(p))
    return out


def shorten(text, limit=160):
    text = re.sub(r"\s*\n\s*", " ", text.strip())
    if len(text) <= limit:
        return text
    return text[: limit - 50] + " ... " + text[-45:]


def follow_refs(root, node, key):
    """`node`, or the schema its local $ref leads to when `key` is not in `node` itself."""
    while isinstance(node, dict) and key not in node and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return None
        node = root
        for part in ref[2:].split("/"):
            try:
                node = node[part.replace("~1", "/").replace("~0", "~")]
            except (KeyError, TypeError):
                return None
    return node


def subschema_at(root, schema_path, last_key=None):
    """The schema reached by following `schema_path` from `root`, resolving local $refs
    (jsonschema leaves '$ref' steps out of the paths it reports); then, if `last_key`
    is given, the $ref-resolved schema that holds `last_key`."""
    node = root
    for key in schema_path:
        node = follow_refs(root, node, key)
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return follow_refs(root, node, last_key) if last_key else node


def custom_message(root, error):
    """The schema's own message for this error, as the YAML language server would show it:
    `patternErrorMessage` / `errorMessage` beside the keyword that failed."""
    path = list(error.absolute_schema_path)
    if error.validator is None:  # a `false` schema: the message sits on the schema holding `properties`
        holder = subschema_at(root, path[:-2], path[-2] if len(path) >= 2 else None)
    elif error.validator in ("pattern", "type", "enum", "const", "additionalProperties"):
        holder = subschema_at(root, path[:-1], path[-1])
    else:
        return None
    if not isinstance(holder, dict):
        return None
    if error.validator == "pattern" and holder.get("patternErrorMessage"):
        return holder["patternErrorMessage"]
    return holder.get("errorMessage")


def yaml_hint(error):
    """A hint for values YAML turned into something other than text."""
    if error.validator != "type":
        return ""
    value = error.instance
    if isinstance(value, bool):
        return " (YAML read this as true/false; put it in quotes)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return " (YAML read this as a date; put it in quotes)"
    if isinstance(value, (int, float)):
        return " (YAML read this as a number; put it in quotes)"
    if value is None:
        return " (the value is empty)"
    return ""


def describe(root, error, indent="    "):
    """Lines describing one error (and, for anyOf/oneOf, the alternatives' errors)."""
    where = json_path(error.absolute_path)
    own = custom_message(root, error)
    if error.validator in ("anyOf", "oneOf") and error.context:
        kind = "any" if error.validator == "anyOf" else "exactly one"
        lines = ["%s%s: does not match %s of the allowed forms:" % (indent, where, kind)]
        seen = set()
        for sub in sorted(error.context, key=lambda e: (list(e.absolute_path), e.message)):
            for line in describe(root, sub, indent + "    - "):
                if line not in seen:
                    seen.add(line)
                    lines.append(line)
        return lines
    message = shorten(error.message)
    if own:
        message = "%s [%s]" % (own, message)
    return ["%s%s: %s%s" % (indent, where, message, yaml_hint(error))]


def keyword_of(error):
    return "false" if error.validator is None else str(error.validator)


def path_within(path, expected):
    return path == expected or path.startswith(expected + ".") or path.startswith(expected + "[")


def load(path):
    """(data, text) or raises OSError / yaml.YAMLError / UnicodeDecodeError."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    stream = io.StringIO(text)
    stream.name = path  # so YAML errors name the file
    return yaml.load(stream, Loader=UniqueKeySafeLoader), text


def sort_key(error):
    return ([str(p) for p in error.absolute_path], error.message)


def check_file(validator, schema, path, should_pass):
    """Checks one file; prints its line (and errors). Returns True when as expected."""
    kind = "good" if should_pass else "bad "
    try:
        data, text = load(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        reason = "; ".join(line.strip() for line in str(e).splitlines() if line.strip())
        print("FAIL %s %s: cannot read it: %s" % (kind, path, shorten(reason, 300)))
        return False
    errors = sorted(validator.iter_errors(data), key=sort_key)
    lines = [line for e in errors for line in describe(schema, e)]
    if should_pass:
        if errors:
            print("FAIL good %s: %d schema error(s)" % (path, len(errors)))
            for line in lines:
                print(line)
            return False
        print("ok   good %s" % path)
        return True

    expected = EXPECT_RE.findall(text)
    found = [(json_path(e.absolute_path), keyword_of(e)) for e in errors]

    def matches(place, keyword, want_place, want_keyword):
        return path_within(place, want_place) and (not want_keyword or want_keyword == keyword)

    missing = [("%s %s" % (x, k)).strip() for x, k in expected
               if not any(matches(p, kw, x, k) for p, kw in found)]
    # When the file says where it is wrong, it must be right everywhere else.
    unexpected = [("%s %s" % (p, kw)) for p, kw in found
                  if expected and not any(matches(p, kw, x, k) for x, k in expected)]
    if not errors:
        print("FAIL bad  %s: validated with no errors, but it should fail" % path)
        ok = False
    elif missing or unexpected:
        problems = []
        if missing:
            problems.append("no error at " + ", ".join(missing))
        if unexpected:
            problems.append("unexpected error(s) at " + ", ".join(unexpected))
        print("FAIL bad  %s: %d error(s), but %s" % (path, len(errors), "; ".join(problems)))
        ok = False
    else:
        note = " (all %d expected place(s) flagged)" % len(expected) if expected else ""
        print("ok   bad  %s: rejected with %d error(s)%s" % (path, len(errors), note))
        ok = True
    for line in lines:
        print(line)
    return ok


class Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 1 like every other failure
        self.print_usage(sys.stderr)
        print("%s: error: %s" % (self.prog, message), file=sys.stderr)
        sys.exit(1)


def main(argv):
    parser = Parser(description="Check the catalogue JSON Schema against good and bad catalogues.")
    parser.add_argument("schema", help="the JSON Schema file")
    parser.add_argument("good", nargs="*", metavar="GOOD_FILE", help="catalogues that must validate")
    parser.add_argument("--bad", nargs="+", action="extend", default=[], metavar="BAD_FILE",
                        help="catalogues that must fail validation")
    args = parser.parse_args(argv)
    if not args.good and not args.bad:
        parser.error("give at least one GOOD_FILE or --bad BAD_FILE")

    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        print("FAIL schema %s: cannot read it: %s" % (args.schema, e))
        return 1
    cls = validator_for(schema, default=jsonschema.Draft7Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print("FAIL schema %s: not a valid %s schema:" % (args.schema, cls.__name__))
        print("    %s: %s" % (json_path(e.absolute_path), shorten(e.message, 300)))
        return 1
    print("ok   schema %s (%s, jsonschema %s)" % (args.schema, cls.__name__, jsonschema_version()))
    validator = cls(schema)

    results = [check_file(validator, schema, p, True) for p in args.good]
    results += [check_file(validator, schema, p, False) for p in args.bad]
    failed = results.count(False)
    if failed:
        print("schema_test: %d of %d file(s) not as expected" % (failed, len(results)))
        return 1
    print("schema_test: all %d file(s) as expected" % len(results))
    return 0


def jsonschema_version():
    try:
        from importlib.metadata import version
        return version("jsonschema")
    except Exception:  # pragma: no cover - only for the banner line
        return "?"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
