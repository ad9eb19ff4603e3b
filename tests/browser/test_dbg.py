import sys; sys.path.insert(0, "tests/browser")
from conftest import deep_active
from test_widget import LAUNCHER, QUESTION, tab_to
def test_dbg(page, site):
    page.goto(site.partner + "/index.html")
    tab_to(page, LAUNCHER)
    page.keyboard.press("Enter")
    page.get_by_text(QUESTION).wait_for()
    for i in range(6):
        page.keyboard.press("Shift+Tab"); print(deep_active(page))
