"""The least-privilege IAM policy allows exactly the AWS operations the code calls.

The operations are found in the source (awaited client calls whose names are operations of the
Bedrock Runtime or Polly service models that botocore ships), not copied from the policy."""

import ast
import json
from pathlib import Path

from botocore.loaders import Loader
from botocore.session import get_session

from feedback_agent.settings import FeedbackSettings
from interviewer_agent.settings import InterviewerSettings

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["services", "gateway", "runtime", "sandbox-worker"]
# Bedrock authorises the Converse APIs as the InvokeModel actions (AWS Bedrock IAM reference).
IAM_ACTION_FOR = {("bedrock-runtime", "Converse"): "bedrock:InvokeModel",
                  ("bedrock-runtime", "ConverseStream"): "bedrock:InvokeModelWithResponseStream"}
IAM_PREFIX = {"bedrock-runtime": "bedrock", "bedrock": "bedrock", "polly": "polly"}


def operations_by_python_name() -> dict[str, tuple[str, str]]:
    session = get_session()
    operations = {}
    for service in IAM_PREFIX:
        model = Loader().load_service_model(service, "service-2")
        client = session.create_client(service, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
        for python_name, operation in client.meta.method_to_api_mapping.items():
            assert operation in model["operations"]
            operations[python_name] = (service, operation)
    return operations


def actions_called_by_the_code() -> set[str]:
    known = operations_by_python_name()
    actions = set()
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "tests" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Await) and isinstance(node.value, ast.Call) \
                        and isinstance(node.value.func, ast.Attribute) and node.value.func.attr in known:
                    service, operation = known[node.value.func.attr]
                    actions.add(IAM_ACTION_FOR.get((service, operation), f"{IAM_PREFIX[service]}:{operation}"))
    return actions


def test_the_policy_allows_exactly_the_actions_the_code_calls():
    policy = json.loads((ROOT / "deploy" / "aws" / "iam-policy.json").read_text())
    allowed = {action for statement in policy["Statement"] for action in statement["Action"]}
    called = actions_called_by_the_code()
    assert {"bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "polly:SynthesizeSpeech"} <= called
    assert allowed == called


def test_model_access_is_scoped_to_the_configured_models():
    policy = json.loads((ROOT / "deploy" / "aws" / "iam-policy.json").read_text())
    bedrock = next(s for s in policy["Statement"] if "bedrock:InvokeModel" in s["Action"])
    models = {arn.split("foundation-model/")[1] for arn in bedrock["Resource"]}
    assert models == {InterviewerSettings().bedrock_interviewer_model_id, FeedbackSettings().bedrock_feedback_model_id}
