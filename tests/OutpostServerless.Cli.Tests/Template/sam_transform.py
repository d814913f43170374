"""Applies the SAM transform to a template, as CloudFormation does on deploy, and prints the result as JSON.

Usage: python3 sam_transform.py TEMPLATE. Uses aws-sam-translator (installed with cfn-lint); parameters keep
their defaults; local code and definitions are replaced by S3 locations, as `sam package` does. CloudFormation
short-form tags (!Ref, !Sub, ...) are read as their long forms.
"""
import json, os, sys, yaml
from samtranslator.translator.transform import transform

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

class NoManagedPolicies:
    """The template names no managed policy by name, so the loader is never asked for one."""
    def load(self):
        return {}

# The transform resolves AWS::Region from the environment as a deploy would from the stack's Region.
os.environ.setdefault('AWS_DEFAULT_REGION', 'us-west-2')
CfnLoader.add_multi_constructor('!', construct_tag)
template = yaml.load(open(sys.argv[1]), Loader=CfnLoader)
template.get('Globals', {}).get('Function', {}).pop('CodeUri', None)
for logical_id, resource in template['Resources'].items():
    uri = {'AWS::Serverless::Function': 'CodeUri', 'AWS::Serverless::StateMachine': 'DefinitionUri'}.get(resource['Type'])
    if uri:
        resource['Properties'][uri] = f's3://outpost-serverless-artifacts/{logical_id}'
print(json.dumps(transform(template, {}, NoManagedPolicies()), indent=1, default=str))
