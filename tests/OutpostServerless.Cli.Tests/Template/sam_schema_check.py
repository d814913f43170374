"""Validates a SAM template against the SAM JSON schema (draft-04), as CI does.

Usage: python3 sam_schema_check.py TEMPLATE SCHEMA. Prints one line per violation (path: message) and
exits 1 when there is any. CloudFormation short-form tags (!Ref, !Sub, ...) are read as their long forms.
"""
import json, sys, jsonschema
import cfn_yaml

template = cfn_yaml.load(sys.argv[1])
schema = json.load(open(sys.argv[2]))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(template), key=lambda e: list(e.absolute_path))
for e in errors:
    print('/'.join(map(str, e.absolute_path)) + ': ' + e.message[:300])
sys.exit(1 if errors else 0)
