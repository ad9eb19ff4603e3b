"""The conversation without JavaScript: server-rendered pages over the turn service.

Progressive enhancement for the web client: `web/index.html` links here from its
`<noscript>`. Plain HTML forms, POST-redirect-GET, the conversation id in the URL path (no
cookie), the same CSS file as the client, no script and no inline style (the CSP forbids
them).

- `routes.py`: the routes, each « read the form, call the service, answer a page »;
- `forms.py`: reading forms, idempotency keys, the « Réessayer » form;
- `layout.py`: the page skeleton, the contact footer, the short pages (start,
  confirmation, errors);
- `conversation.py`: the conversation page, its messages and the draft's links;
- `tchat.py`: web/index.html's tchat template, made ready to fill on the server (the same
  markup as the client and the widget).
"""

from coach.api.pages.layout import PREFIX
from coach.api.pages.routes import build_pages_router

__all__ = ["PREFIX", "build_pages_router"]
