"""The OpenAPI 3.1 document, generated from the routes themselves.

Each HTTP handler declares its request body and responses with `@documented(...)`, naming the same
Pydantic models it validates with, so the document cannot drift from the code.
"""

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from starlette.routing import BaseRoute, Route

from contracts.http import HttpError


@dataclass(frozen=True)
class Operation:
    summary: str
    request: type[BaseModel] | None = None
    responses: dict[int, type[BaseModel] | str] = field(default_factory=dict)  # str: a media type
    authenticated: bool = True
    query: dict[str, tuple[str, dict]] = field(default_factory=dict)  # name → (description, JSON schema)


def documented(**spec: Any):
    def mark(handler):
        handler.__openapi__ = Operation(**spec)
        return handler

    return mark


def openapi_document(routes: list[BaseRoute], *, title: str, version: str) -> dict[str, Any]:
    operations = [(route, route.endpoint.__openapi__) for route in routes
                  if isinstance(route, Route) and hasattr(route.endpoint, "__openapi__")]
    models = {HttpError} | {op.request for _, op in operations if op.request} | {
        model for _, op in operations for model in op.responses.values() if isinstance(model, type)}
    refs, schema = models_json_schema(
        [(model, "validation") for model in sorted(models, key=lambda m: m.__name__)],
        ref_template="#/components/schemas/{model}",
    )
    paths: dict[str, dict] = {}
    for route, op in operations:
        for method in sorted(route.methods - {"HEAD"}):
            paths.setdefault(route.path, {})[method.lower()] = _operation(route, op, refs, method)
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version},
        "paths": paths,
        "components": {
            "schemas": schema.get("$defs", {}),
            "securitySchemes": {"sessionToken": {"type": "http", "scheme": "bearer"}},
        },
    }


def _operation(route: Route, op: Operation, refs: dict, method: str) -> dict[str, Any]:
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in route.param_convertors
    ] + [{"name": name, "in": "query", "required": False, "description": text, "schema": schema}
         for name, (text, schema) in op.query.items()]
    operation: dict[str, Any] = {
        "summary": op.summary,
        "operationId": f"{method.lower()}_{route.name}",
        "responses": {str(status): _response(body, refs) for status, body in op.responses.items()},
    }
    if parameters:
        operation["parameters"] = parameters
    if op.request is not None:
        operation["requestBody"] = {"required": True, "content": {
            "application/json": {"schema": refs[(op.request, "validation")]}}}
    if op.authenticated:
        operation["security"] = [{"sessionToken": []}]
    return operation


def _response(body: type[BaseModel] | str, refs: dict) -> dict[str, Any]:
    if isinstance(body, str):
        return {"description": body, "content": {body: {"schema": {"type": "string", "format": "binary"}}}}
    return {"description": body.__doc__ or body.__name__,
            "content": {"application/json": {"schema": refs[(body, "validation")]}}}
