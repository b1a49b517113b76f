#!/usr/bin/python3
"""The web console in a real browser (headless Chromium through Selenium): a facilitator, an
observer and two team members play the drill from STARTEX to ENDEX in four separate browser
sessions; hostile text stays text; the observer can change nothing; a dropped event stream
resumes without losing or repeating an event. Screenshots at 1280 and 390 px go to $SHOTS.
TAP output. Needs chromium, chromium-driver and python3-selenium (scripts/setup)."""
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

SRC = os.environ.get("SRCDIR", ".")
TABLETOP = os.environ["TABLETOP"]
SHOTS = os.environ.get("SHOTS", os.path.join(tempfile.gettempdir(), "tabletop-web-shots"))
WAIT = 15
XSS = ["<script>window.pwned=1</script>", "<img src=x onerror=window.pwned=1>"]
results = []


def check(name, ok, why=""):
    """Record one TAP result."""
    results.append((name, ok, why))
    print(("ok" if ok else "not ok") + f" {len(results)} - {name}" + (f" # {why}" if why and not ok else ""), flush=True)
    return ok


class Proxy:
    """A TCP proxy in front of the web console whose connections the test can cut, and hold."""

    def __init__(self, port):
        self.port = port
        self.lsock = socket.socket()
        self.lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.lsock.bind(("127.0.0.1", 0))
        self.lsock.listen(64)
        self.addr = self.lsock.getsockname()[1]
        self.pairs = []
        self.lock = threading.Lock()
        self.open = threading.Event()
        self.open.set()
        self.stopped = False
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while not self.stopped:
            try:
                c, _ = self.lsock.accept()
            except OSError:
                return
            self.open.wait()
            try:
                s = socket.create_connection(("127.0.0.1", self.port))
            except OSError:
                c.close()
                continue
            with self.lock:
                self.pairs.append((c, s))
            threading.Thread(target=self.pipe, args=(c, s), daemon=True).start()

    def pipe(self, a, b):
        try:
            while True:
                r, _, _ = select.select([a, b], [], [], 1)
                for x in r:
                    data = x.recv(65536)
                    if not data:
                        raise OSError
                    (b if x is a else a).sendall(data)
        except OSError:
            pass
        for x in (a, b):
            try:
                x.close()
            except OSError:
                pass

    def drop(self, hold):
        """Cut every connection; while hold, new ones wait."""
        if hold:
            self.open.clear()
        with self.lock:
            for a, b in self.pairs:
                for x in (a, b):
                    try:
                        x.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
            self.pairs = []

    def release(self):
        self.open.set()

    def stop(self):
        self.stopped = True
        self.lsock.close()
        self.drop(False)


def start_server():
    """tabletop run the drill with the web console; its process, web port and join codes."""
    p = subprocess.Popen([TABLETOP, "run", os.path.join(SRC, "tests/net/fixtures/drill.lua"),
                          "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--no-console",
                          "--speed", "1"], stdout=subprocess.PIPE, text=True)
    out, codes, port = "", {}, None
    deadline = time.time() + 10
    while "STARTEX" not in out and time.time() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        out += line
        m = re.search(r"web console on http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
        m = re.search(r"login (\S+) (\S+)", line)
        if m:
            codes[m.group(1)] = m.group(2)
    if port is None:
        raise SystemExit(f"Bail out! no web console: {out}")
    return p, port, codes


def browser(width):
    """A headless Chromium of its own (own profile, own cookies)."""
    o = webdriver.ChromeOptions()
    o.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--window-size={width},900", "--lang=en"]:
        o.add_argument(a)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=o)


def wait(d, fn, what, seconds=WAIT):
    """Wait until fn(d) is true; fails the check named what otherwise."""
    try:
        WebDriverWait(d, seconds, ignored_exceptions=[StaleElementReferenceException]).until(lambda x: fn(x))
        return True
    except Exception as e:  # noqa: BLE001 - any failure is a failed check
        return check(what, False, f"timed out: {type(e).__name__}")


def text(d):
    return d.find_element(By.TAG_NAME, "body").text


def has(d, s):
    return s in text(d)


def button(d, label, scope=None):
    """The visible button labelled label (in scope, else the page)."""
    for b in (scope or d).find_elements(By.TAG_NAME, "button"):
        if b.text.strip() == label and b.is_displayed():
            return b
    raise LookupError(f"no button {label}")


def click(d, label, scope=None):
    b = button(d, label, scope)
    d.execute_script("arguments[0].scrollIntoView({block:'center'})", b)
    b.click()


def login(d, url, ident, code, name):
    d.get(url)
    WebDriverWait(d, WAIT).until(lambda x: x.find_element(By.ID, "login-id").is_displayed())
    labels = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#login label")]
    check(f"{ident}: the login form has ID and Code", "ID" in labels and "Code" in labels)
    d.find_element(By.ID, "login-id").send_keys(ident)
    d.find_element(By.ID, "login-code").send_keys(code)
    d.find_element(By.ID, "login-name").send_keys(name)
    click(d, "Log in")
    wait(d, lambda x: x.find_element(By.ID, "logout").is_displayed(), f"{ident} logged in")


def form_send(d, placeholder, value, label):
    """Type value into the text box with that placeholder and press its button."""
    box = d.find_element(By.CSS_SELECTOR, f"[placeholder='{placeholder}']")
    d.execute_script("arguments[0].scrollIntoView({block:'center'})", box)
    box.clear()
    box.send_keys(value)
    click(d, label, box.find_element(By.XPATH, "./ancestor::form"))


def click_css(d, css):
    """Click the element that css selects."""
    e = d.find_element(By.CSS_SELECTOR, css)
    d.execute_script("arguments[0].scrollIntoView({block:'center'})", e)
    e.click()


def type_in(d, label, value):
    """Type value into the field whose aria-label is label (after clearing it)."""
    e = d.find_element(By.CSS_SELECTOR, f"[aria-label='{label}']")
    d.execute_script("arguments[0].scrollIntoView({block:'center'})", e)
    e.clear()
    e.send_keys(value)


def css_text(d, css):
    """The text of the element css selects, or "" when there is none."""
    found = d.find_elements(By.CSS_SELECTOR, css)
    return found[0].text if found else ""


def steer(fac, obs, al, xk):
    """The facilitator's steering controls: extend, overrule, an inject composed on the spot."""
    click_css(fac, "button[aria-label='extend al I-01 by 10 minutes']")
    check("+10m on the board moves the deadline", wait(fac, lambda x: "by T+00:50:00" in css_text(x, ".pending li[data-key='al/I-01']"), "extend +10m"))
    type_in(fac, "extend al I-01 by", "5m")
    click(fac, "Extend", fac.find_element(By.CSS_SELECTOR, ".pending li[data-key='al/I-01']"))
    check("Extend with a duration moves it again", wait(fac, lambda x: "by T+00:55:00" in css_text(x, ".pending li[data-key='al/I-01']"), "extend 5m"))
    check("the team is told of its new deadline", wait(al, lambda x: feed_count(x, "moved to T+00:55:00") == 1, "deadline on al"))
    left = re.search(r"(\d+)m\d+s left", css_text(al, "li[data-key='I-01'] .left"))
    check("the team's countdown counts to the new deadline", left is not None and int(left.group(1)) >= 40, css_text(al, "li[data-key='I-01'] .left"))
    check("the observer's pending panel follows", wait(obs, lambda x: "by T+00:55:00" in css_text(x, ".pending li[data-key='al/I-01']"), "pending on obs"))

    click(al, "Alert the regional CSIRTs", al.find_element(By.CSS_SELECTOR, "li[data-key='I-01']"))
    check("the decision is shown to the team", wait(al, lambda x: "decided: Alert the regional CSIRTs" in x.find_element(By.CSS_SELECTOR, "li[data-key='I-01']").text, "decided on al"))
    check("the board shows the decision", wait(fac, lambda x: "decided · share" in x.find_element(By.CSS_SELECTOR, "tr[data-key='I-01']").text, "board decided"))
    check("a decided cell has no +10m", not fac.find_element(By.CSS_SELECTOR, "button[aria-label='extend al I-01 by 10 minutes']").is_displayed())
    check("the pending panel empties", wait(fac, lambda x: "nobody owes a decision" in css_text(x, ".pending"), "pending empty"))

    click_css(fac, "button[aria-label='overrule al on I-01']")
    Select(fac.find_element(By.CSS_SELECTOR, "select[aria-label='new option']")).select_by_value("isolate")
    type_in(fac, "reason", "policy: isolate first " + XSS[1])
    click(fac, "Overrule", fac.find_element(By.CSS_SELECTOR, ".overrule-panel"))
    check("the board shows the decision overruled", wait(fac, lambda x: "decided · isolate (overruled)" in x.find_element(By.CSS_SELECTOR, "tr[data-key='I-01']").text, "overrule on board"))
    check("the team sees its decision overruled", wait(al, lambda x: "overruled by the exercise control: Take the portal offline" in x.find_element(By.CSS_SELECTOR, "li[data-key='I-01']").text, "overrule on al"))
    check("the observer's board shows it too", wait(obs, lambda x: "(overruled)" in x.find_element(By.CSS_SELECTOR, "tr[data-key='I-01']").text, "overrule on obs"))

    click(fac, "Send inject")
    check("the composer says what is missing", wait(fac, lambda x: "choose the teams" in css_text(x, ".composer .reply-line"), "composer error"))
    click_css(fac, "input[aria-label='to xk']")
    type_in(fac, "from", "SOC")
    type_in(fac, "channel", "chat")
    type_in(fac, "subject", "Block list " + XSS[0])
    type_in(fac, "body", "203.0.113.14\n203.0.113.15")
    click_css(fac, "input[aria-label='ask a decision']")
    type_in(fac, "prompt", "Block them?")
    type_in(fac, "options", "*block=Block them\nwait=Wait")
    type_in(fac, "deadline", "soon")
    click(fac, "Send inject")
    check("the server's refusal is shown, nothing is lost", wait(fac, lambda x: "bad deadline" in css_text(x, ".composer .reply-line"), "bad deadline")
          and fac.find_element(By.CSS_SELECTOR, "[aria-label='subject']").get_attribute("value") == "Block list " + XSS[0])
    type_in(fac, "deadline", "15m")
    click(fac, "Send inject")
    check("the composed inject reaches xk's inbox", wait(xk, lambda x: "Block list " + XSS[0] in css_text(x, "li[data-key='adhoc-1']"), "adhoc on xk"))
    card = css_text(xk, "li[data-key='adhoc-1']")
    check("with its lines, its options and the time left", "203.0.113.14\n203.0.113.15" in card and "Block them" in card and "Wait" in card and "left" in card, card)
    check("the composed inject is only for xk", not al.find_elements(By.CSS_SELECTOR, "li[data-key='adhoc-1']"))
    check("the board and pending panel show it", wait(fac, lambda x: "pending" in css_text(x, "tr[data-key='adhoc-1']") and css_text(x, ".pending li[data-key='xk/adhoc-1']") != "", "adhoc on board"))


def timelines(fac, obs, al):
    """A team's timeline opened from its card (on a phone), for the facilitator and the observer."""
    fac.set_window_size(390, 900)
    click_css(fac, "button[aria-label='timeline of al']")
    check("the timeline shows what al saw and did", wait(fac, lambda x: "overruled" in css_text(x, ".timeline-panel") and "I-01" in css_text(x, ".timeline-panel"), "timeline on fac"))
    check("it is titled with the team", "Timeline · AKCESK" in css_text(fac, ".timeline-panel h2"))
    shot(fac, "timeline", 390)
    form_send(al, "a message to your team", "seen on the timeline", "Say")
    check("an open timeline follows the team's events", wait(fac, lambda x: "seen on the timeline" in css_text(x, ".timeline-panel"), "timeline live"))
    click(fac, "Close", fac.find_element(By.CSS_SELECTOR, ".timeline-panel"))
    fac.set_window_size(1280, 900)
    buttons = [b.text for b in obs.find_elements(By.TAG_NAME, "button") if b.is_displayed()]
    inputs = [e.get_attribute("aria-label") for e in obs.find_elements(By.CSS_SELECTOR, "input, textarea, select") if e.is_displayed()]
    check("the observer has no control that changes anything", buttons == ["Log out", "Timeline", "Timeline"] and inputs == ["feed filter"], f"{buttons} {inputs}")
    hidden = [e.get_attribute("aria-label") for e in obs.find_elements(By.CSS_SELECTOR, ".composer, .overrule-panel, .cell button, .owe button")]
    check("the observer has no steering control, not even hidden", hidden == [], str(hidden))
    click_css(obs, "button[aria-label='timeline of xk']")
    check("the observer reads a timeline", wait(obs, lambda x: "Block list" in css_text(x, ".timeline-panel"), "timeline on obs"))
    click(obs, "Close", obs.find_element(By.CSS_SELECTOR, ".timeline-panel"))


def feed_count(d, s):
    """How many feed lines hold s (read in one go: the feed is redrawn as events come)."""
    return d.execute_script("return [...document.querySelectorAll('.feed li')]"
                            ".filter((e) => e.textContent.includes(arguments[0])).length", s)


def shot(d, name, width):
    os.makedirs(SHOTS, exist_ok=True)
    d.execute_script("window.scrollTo(0, 0)")
    d.set_window_size(width, 900)
    time.sleep(0.3)  # layout after the resize; nothing to await
    h = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(width, min(max(h, 600), 4000))
    time.sleep(0.3)
    d.save_screenshot(os.path.join(SHOTS, f"{name}-{width}.png"))


def play(url, codes, proxy):
    fac, obs, al, xk = browser(1280), browser(1280), browser(390), browser(1280)
    drivers = [fac, obs, al, xk]
    try:
        login(fac, url, "facilitator", codes["facilitator"], "Ana")
        login(obs, url, "observer", codes["observer"], "Olsi")
        login(al, f"http://127.0.0.1:{proxy.addr}/", "al", codes["al"], XSS[1])
        login(xk, url, "xk", codes["xk"], XSS[0])
        check("the marking is on the page", has(fac, "EXERCISE EXERCISE EXERCISE"))

        click(fac, "Start")
        for d in drivers:
            wait(d, lambda x: x.find_element(By.ID, "state").text.lower() == "running", "the clock runs everywhere")
        check("STARTEX reached every browser", all(x.find_element(By.ID, "state").text.lower() == "running" for x in drivers))

        row = fac.find_element(By.CSS_SELECTOR, "tr[data-key='I-02']")
        click(fac, "Fire", row)
        check("fire reaches team al", wait(al, lambda x: has(x, "A journalist is calling"), "fire reaches al"))
        check("fire reaches team xk", wait(xk, lambda x: has(x, "A journalist is calling"), "fire reaches xk"))
        wait(fac, lambda x: "fired" in x.find_element(By.CSS_SELECTOR, "tr[data-key='I-02']").text, "board shows I-02 fired")

        click(fac, "Advance")
        check("advance fires I-01 with its options", wait(al, lambda x: has(x, "Alert the regional CSIRTs"), "I-01 reaches al"))
        check("the time left is shown", "left" in al.find_element(By.CSS_SELECTOR, "li[data-key='I-01']").text)
        wait(fac, lambda x: "pending" in x.find_element(By.CSS_SELECTOR, "tr[data-key='I-01']").text, "board shows I-01 pending")
        card = fac.find_element(By.CSS_SELECTOR, ".team-card[data-key='al']").text
        check("the team card shows what al owes", "I-01" in card, card)
        shot(fac, "facilitator", 1280)
        shot(al, "team", 390)
        shot(al, "team", 1280)
        al.set_window_size(390, 900)
        fac.set_window_size(1280, 900)

        steer(fac, obs, al, xk)

        Select(al.find_element(By.CSS_SELECTOR, "select[aria-label='share with']")).select_by_value("xk")
        form_send(al, "share with another team", "IoCs " + XSS[0], "Share")
        check("a share reaches the other team as text", wait(xk, lambda x: has(x, "IoCs " + XSS[0]), "share on xk"))
        check("the sharing matrix fills in", wait(fac, lambda x: x.find_element(By.CSS_SELECTOR, ".matrix tbody tr:first-child td:nth-child(3)").text == "1", "matrix"))

        form_send(xk, "a question for the exercise control", "Real? " + XSS[1], "RFI")
        check("the RFI reaches the queue as text", wait(fac, lambda x: has(x, "Real? " + XSS[1]), "rfi on fac"))
        wait(obs, lambda x: has(x, "Real? " + XSS[1]), "rfi on observer")
        rfi = fac.find_element(By.CSS_SELECTOR, ".rfis li")
        box = rfi.find_element(By.TAG_NAME, "input")
        box.send_keys("Yes, it is real")
        click(fac, "Reply", rfi)
        check("the reply reaches the team", wait(xk, lambda x: has(x, "Yes, it is real"), "reply on xk"))
        check("the RFI is marked answered", wait(fac, lambda x: "answered" in x.find_element(By.CSS_SELECTOR, ".rfis li").text, "answered"))

        form_send(al, "an action your team takes", "Isolate " + XSS[1], "Action")
        form_send(al, "a message to your team", "Hi " + XSS[0], "Say")
        check("action and chat reach the staff as text", wait(fac, lambda x: has(x, "Isolate " + XSS[1]) and has(x, "Hi " + XSS[0]), "action and say on fac"))
        check("display names are text", wait(fac, lambda x: has(x, XSS[1] + ": Hi"), "name on fac"))

        proxy.drop(True)
        wait(al, lambda x: "offline" in x.find_element(By.TAG_NAME, "body").get_attribute("class"), "the dropped stream is noticed")
        form_send(fac, "a message to everyone", "while you were away", "Broadcast")
        form_send(fac, "a message to everyone", "and once more", "Broadcast")
        wait(xk, lambda x: has(x, "and once more"), "broadcast on xk")
        proxy.release()
        if not check("a dropped stream catches up", wait(al, lambda x: feed_count(x, "and once more") == 1, "resume on al", 40)):
            print("# al's messages: " + " | ".join(e.text for e in al.find_elements(By.CSS_SELECTOR, ".feed li")[:6]))
            print("# al's console: " + str(al.get_log("browser"))[:800])
        check("nothing is lost or repeated", feed_count(al, "while you were away") == 1 and feed_count(al, "Hi " + XSS[0]) == 1,
              f"{feed_count(al, 'while you were away')} {feed_count(al, 'Hi ' + XSS[0])}")

        timelines(fac, obs, al)
        check("the observer sees the board", "decided · isolate (overruled)" in obs.find_element(By.CSS_SELECTOR, "tr[data-key='I-01']").text)
        shot(obs, "observer", 1280)
        shot(fac, "facilitator-play", 1280)
        shot(fac, "facilitator", 390)
        shot(xk, "team-xk", 1280)

        obs.get(url + "screen")
        wait(obs, lambda x: has(x, "and once more"), "the screen shows broadcasts")
        shot(obs, "screen", 1280)
        shot(obs, "screen", 390)

        click(fac, "ENDEX")
        for d in (fac, al, xk, obs):
            wait(d, lambda x: x.find_element(By.ID, "state").text.lower() == "ended", "ENDEX everywhere")
        check("ENDEX reached every browser", all(x.find_element(By.ID, "state").text.lower() == "ended" for x in (fac, al, xk, obs)))
        pwned = [d.execute_script("return window.pwned === undefined && document.querySelectorAll('main img, main script').length === 0") for d in drivers]
        check("no participant text ran as HTML", all(pwned), str(pwned))
    finally:
        for d in drivers:
            d.quit()


def main():
    p, port, codes = start_server()
    proxy = Proxy(port)
    try:
        play(f"http://127.0.0.1:{port}/", codes, proxy)
    except Exception as e:  # noqa: BLE001 - report and fail
        check("the play runs to its end", False, f"{type(e).__name__}: {e}".replace("\n", " ")[:300])
    finally:
        proxy.stop()
        p.terminate()
        check("the server exits cleanly", p.wait(timeout=10) == 0)
    print(f"1..{len(results)}")
    print(f"# screenshots in {SHOTS}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
