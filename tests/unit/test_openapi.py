from openapi_spec_validator import validate
from starlette.routing import Route

from gateway.app import create_app
from gateway.openapi import openapi_document
from gateway.settings import GatewaySettings


def test_the_openapi_document_is_valid_and_lists_every_http_route():
    app = create_app(GatewaySettings(session_secret="doc"))
    document = openapi_document(app.routes, title="MockMind gateway", version="0.1.0")
    validate(document)
    listed = {(path, method.upper()) for path, operations in document["paths"].items() for method in operations}
    routes = {(r.path, m) for r in app.routes if isinstance(r, Route) and r.include_in_schema
              for m in r.methods - {"HEAD"} if r.path.startswith("/api/")}
    assert routes and routes == listed


def test_request_bodies_and_errors_reference_the_contract_models():
    app = create_app(GatewaySettings(session_secret="doc"))
    document = openapi_document(app.routes, title="MockMind gateway", version="0.1.0")
    create = document["paths"]["/api/sessions"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CreateSessionRequest"}
    assert "security" not in create
    run = document["paths"]["/api/code/run"]["post"]
    assert run["security"] == [{"sessionToken": []}]
    assert set(run["responses"]) >= {"200", "401", "403", "422"}
    schemas = document["components"]["schemas"]
    assert schemas["CodeRunRequest"]["properties"]["code"]["maxLength"] == 64 * 1024
