"""Validates a SAM template against the SAM JSON schema (draft-04), as CI does.

Usage: python3 sam_schema_check.py TEMPLATE SCHEMA. Prints one line per violation (path: message) and
exits 1 when there is any. CloudFormation short-form tags (!Ref, !Sub, ...) are read as their long forms.
"""
import json, sys, yaml, jsonschema

class CfnLoader(yaml.SafeLoader):
    pass

def construct_tag(loader, suffix, node):
    name = 'Ref' if suffix == 'Ref' else 'Fn::' + suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == 'GetAtt':
            value = value.split('.', 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}

CfnLoader.add_multi_constructor('!', construct_tag)
template = yaml.load(open(sys.argv[1]), Loader=CfnLoader)
schema = json.load(open(sys.argv[2]))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(template), key=lambda e: list(e.absolute_path))
for e in errors:
    print('/'.join(map(str, e.absolute_path)) + ': ' + e.message[:300])
sys.exit(1 if errors else 0)
