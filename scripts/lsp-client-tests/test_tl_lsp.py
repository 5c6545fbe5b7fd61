# pytest-lsp client test for tl-lsp: a real third-party LSP client (pygls) starts the server, opens a fixture,
# and checks that diagnostics are published and that hovering a `T.copy` name answers from the API table.
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVER = os.environ.get("TL_LSP_BINARY", str(ROOT / ".build" / "debug" / "tl-lsp"))
FIXTURE = ROOT / "Tests" / "Fixtures" / "lsp" / "gemm_kernel.py"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[SERVER]))
async def client(lsp_client: LanguageClient):
    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    result = await lsp_client.initialize_session(params)
    assert result.server_info is not None and result.server_info.name == "tl-lsp"
    yield
    await lsp_client.shutdown_session()


def open_fixture(client: LanguageClient) -> tuple[str, str]:
    uri = FIXTURE.as_uri()
    text = FIXTURE.read_text()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
        )
    )
    return uri, text


async def test_publishes_diagnostics(client: LanguageClient):
    uri, _ = open_fixture(client)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert uri in client.diagnostics
    for diagnostic in client.diagnostics[uri]:
        assert diagnostic.source == "tl-lsp"
        assert str(diagnostic.code).startswith("TL")


async def test_hover_on_copy(client: LanguageClient):
    uri, text = open_fixture(client)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    line = next(i for i, l in enumerate(text.splitlines()) if "T.copy(" in l)
    character = text.splitlines()[line].index("T.copy(") + 3
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "**T.copy**" in hover.contents.value and "loop over" in hover.contents.value


async def test_completion_after_module_alias(client: LanguageClient):
    uri = "file:///tmp/tl_lsp_completion.py"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text="x = T.allo")
        )
    )
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=10)
        )
    )
    items = result.items if isinstance(result, types.CompletionList) else result
    labels = {item.label for item in items}
    assert {"alloc_shared", "alloc_fragment"} <= labels
