"""Reads a CloudFormation template written in YAML, its short-form tags (!Ref, !Sub, ...) as their long forms."""
import yaml

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

def load(path):
    with open(path) as file:
        return yaml.load(file, Loader=CfnLoader)
