"""Reading a corpus folder (`manifest.jsonl` beside `docs/<id>.txt`) for the tests."""

import json


def read_corpus(folder):
    """The corpus in `folder` as Tracker.add_many mappings: each manifest row and its text."""
    documents = []
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        text = (folder / "docs" / f"{meta['id']}.txt").read_text(encoding="utf-8")
        documents.append({**meta, "text": text})
    return documents
