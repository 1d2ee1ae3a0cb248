"""quotetrace: where quotations in the news come from and how their wording drifts.

Detect quotations in any quote-mark style, attribute them to their speakers, cluster the
variants of each statement across documents, and report who printed what first and how each
wording drifted.

>>> import quotetrace
>>> [q.text for q in quotetrace.detect('"Vladimir, STOP!" Trump wrote.')]
['Vladimir, STOP!']
>>> tracker = quotetrace.Tracker()
>>> tracker.add("a", '"Lets get the Peace Deal DONE!" Trump wrote.', outlet="one")
>>> tracker.add("b", '"Let\\'s get the peace deal done," Trump said.', outlet="two")
>>> [s["canonical"] for s in tracker.report()["clusters"]]
['Lets get the Peace Deal DONE!']
>>> tracker.whence("lets get the peace deal done")["statement"]["outlets"]
['one', 'two']
"""

from quotetrace._quotetrace import (
    DuplicateDocumentError,
    Quotation,
    QuotetraceError,
    Tracker,
    __version__,
    candidates,
    canonical_speakers,
    detect,
    form_batch,
    join_translations,
    process_batch,
    relate_batch,
    summarize_batch,
)

__all__ = [
    "DuplicateDocumentError",
    "Quotation",
    "QuotetraceError",
    "Tracker",
    "__version__",
    "candidates",
    "canonical_speakers",
    "detect",
    "form_batch",
    "join_translations",
    "process_batch",
    "relate_batch",
    "summarize_batch",
]
