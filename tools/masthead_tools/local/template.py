"""Reading template.yaml: CloudFormation tags, intrinsic functions, and the parts the runner needs.

The local runner and the tests take resource definitions from the template so they cannot drift
from what is deployed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _CfnLoader(yaml.SafeLoader):
    pass


def _tag(name: str):
    fn = "Ref" if name == "Ref" else ("Condition" if name == "Condition" else f"Fn::{name}")

    def construct(loader, node):
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
            if name == "GetAtt":
                value = value.split(".", 1)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {fn: value}

    return construct


for _name in (
    "Ref",
    "GetAtt",
    "Sub",
    "Join",
    "If",
    "Equals",
    "Select",
    "Split",
    "FindInMap",
    "Not",
    "And",
    "Or",
    "Base64",
    "ImportValue",
    "GetAZs",
    "Condition",
    "Cidr",
):
    _CfnLoader.add_constructor(f"!{_name}", _tag(_name))


def load_template(path: str | Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_CfnLoader)  # noqa: S506 - SafeLoader subclass with CFN tags


def default_template_path() -> Path | None:
    """template.yaml of the checkout this package lives in (layers/masthead/masthead -> repo root)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "template.yaml"
        if candidate.is_file() and (parent / "functions").is_dir():
            return candidate
    return None


@dataclass
class Resolver:
    """Resolves Ref, Fn::GetAtt, Fn::Sub and Fn::Join against local values."""

    parameters: dict[str, str]
    refs: dict[str, str] = field(default_factory=dict)  # logical id -> what !Ref gives
    attributes: dict[tuple[str, str], str] = field(default_factory=dict)  # (logical id, attr) -> value

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((fn, arg),) = value.items()
            if fn == "Ref":
                return self._ref(arg)
            if fn == "Fn::GetAtt":
                logical, attr = arg if isinstance(arg, list) else arg.split(".", 1)
                return self.attributes[(logical, attr)]
            if fn == "Fn::Sub":
                template, variables = (arg, {}) if isinstance(arg, str) else (arg[0], self.resolve(arg[1]))
                return re.sub(r"\$\{([^}!]+)\}", lambda m: str(variables.get(m.group(1)) or self._sub_name(m.group(1))), template)
            if fn == "Fn::Join":
                separator, parts = arg
                return separator.join(str(p) for p in self.resolve(parts))
        return {k: self.resolve(v) for k, v in value.items()}

    def _ref(self, name: str) -> str:
        if name in self.parameters:
            return self.parameters[name]
        if name in self.refs:
            return self.refs[name]
        raise KeyError(f"cannot resolve !Ref {name} locally")

    def _sub_name(self, name: str) -> str:
        if "." in name:
            logical, attr = name.split(".", 1)
            return self.attributes[(logical, attr)]
        return self._ref(name)


def resources_of_type(template: dict, kind: str) -> dict[str, dict]:
    return {name: res for name, res in template["Resources"].items() if res["Type"] == kind}


def parameter_defaults(template: dict) -> dict[str, str]:
    return {name: str(spec.get("Default", "")) for name, spec in (template.get("Parameters") or {}).items()}


def function_environment(template: dict, logical_id: str) -> dict:
    """Globals.Function.Environment merged with the function's own (unresolved)."""
    globals_env = (((template.get("Globals") or {}).get("Function") or {}).get("Environment") or {}).get("Variables") or {}
    own = ((template["Resources"][logical_id]["Properties"].get("Environment") or {}).get("Variables")) or {}
    return {**globals_env, **own}


def global_function_property(template: dict, name: str, default=None):
    return ((template.get("Globals") or {}).get("Function") or {}).get(name, default)


def sam_local_environment(
    template: dict, logical_id: str, overrides: dict, region: str, account_id: str = "123456789012", stack_name: str = "masthead-dev"
) -> dict[str, str]:
    """A function's environment as `sam local invoke --env-vars` builds it: the template's variables
    (Globals merged with the function's) with parameters at their defaults and a resource's !Ref or
    !GetAtt as its logical id, then the env file's values for the variables the template declares
    (SAM drops the others)."""

    class _LocalNames(dict):  # any resource's logical id stands for itself
        def __missing__(self, key):
            return key[0] if isinstance(key, tuple) else key

    resolver = Resolver(
        parameters={
            **parameter_defaults(template),
            "AWS::Region": region,
            "AWS::AccountId": account_id,
            "AWS::Partition": "aws",
            "AWS::StackName": stack_name,
        },
        refs=_LocalNames({name: name for name in template["Resources"]}),
        attributes=_LocalNames(),
    )
    declared = {name: str(resolver.resolve(value)) for name, value in function_environment(template, logical_id).items()}
    return {**declared, **{name: str(value) for name, value in overrides.items() if name in declared}}
