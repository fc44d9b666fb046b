"""Walks the Azure Portal method (Method 2 of Microsoft's CMK setup guide) through acrcmk's web console in headless
Chromium, then revokes and recovers from the drill page while watching the estate view, and tries the console's
defences (escaping, CSRF, console token).

Usage: portal_walk.py CONSOLE_URL SCREENSHOT_DIR NAME_SUFFIX
Prints `STEP <name>` lines as it goes, `RESULT <json>` at the end (the names it created and the key identifier),
and exits non-zero on the first failed expectation (`FAIL <what>`).
"""
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

console_url, shots, suffix = sys.argv[1], sys.argv[2], sys.argv[3]
base = console_url.split("/?")[0]
identity, vault, key, registry, group = f"portalid{suffix}", f"portalkv{suffix}", "portalkey", f"portalreg{suffix}", f"portalrg{suffix}"


def fail(what):
    print(f"FAIL {what}", flush=True)
    try:
        driver.save_screenshot(f"{shots}/failure.png")
        print(driver.page_source[:4000])
    finally:
        driver.quit()
    sys.exit(1)


def expect(condition, what):
    if not condition:
        fail(what)


options = Options()
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(0)  # explicit waits only: a missing element must not cost seconds
step_number = 0


def step(name):
    global step_number
    step_number += 1
    path = f"{shots}/{step_number:02d}-{name}.png"
    driver.save_screenshot(path)
    print(f"STEP {name} {path}", flush=True)


def settled(action):
    """Runs a browser action once the page has loaded, again if the page was replaced under it (Chromium reports a
    node of a replaced document as stale, or as "does not belong to the document")."""
    for attempt in range(4):
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        try:
            return action()
        except StaleElementReferenceException:
            pass
        except WebDriverException as error:
            if "does not belong to the document" not in str(error):
                raise
        time.sleep(0.2)
    return action()


def replaced(page):
    """A wait condition: `page` (the old document's root) is gone. Chromium reports a node of a replaced document as
    stale, or, while the new one loads, as "does not belong to the document": both mean it was replaced."""
    def condition(_):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return condition


def click(text):
    """Clicks the visible button (else link) labelled `text` and waits for the next page to replace this one."""
    def find():
        candidates = driver.find_elements(By.XPATH, f"//button[normalize-space()='{text}']") \
            + driver.find_elements(By.XPATH, f"//a[normalize-space()='{text}']")
        return next((element for element in candidates if element.is_displayed()), None)
    element = settled(find)
    if element is None:
        fail(f"no visible link or button '{text}' on {driver.current_url}")
    page = driver.find_element(By.TAG_NAME, "html")
    settled(element.click)
    WebDriverWait(driver, 15).until(replaced(page))


def drill_form(action, selections):
    """Fills one of the drill page's forms (its selects) and submits it."""
    def fill_in():
        form = driver.find_element(By.CSS_SELECTOR, f"form[action='/portal/drill/{action}']")
        for name, value in selections.items():
            Select(form.find_element(By.NAME, name)).select_by_value(value)
        return form
    submit(settled(fill_in))


def submit(form):
    """Submits a form with its button and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(driver, 15).until(replaced(page))


def fill(name, value):
    def action():
        field = driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    settled(action)


def choose(name, value):
    settled(lambda: Select(driver.find_element(By.NAME, name)).select_by_value(value))


def radio(name, value):
    settled(lambda: driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']").click())


def body():
    return driver.find_element(By.TAG_NAME, "body").text


def shows(text, what, timeout=10):
    """Waits until the page shows `text` (a click that submits a form returns before the next page is there)."""
    try:
        WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)) \
            .until(lambda d: text in d.find_element(By.TAG_NAME, "body").text)
    except Exception:
        fail(what)


def registry_health(name):
    """The estate view's health of a registry ("true"/"false"), read again if the view refreshed meanwhile."""
    return WebDriverWait(driver, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)) \
        .until(lambda d: d.find_element(By.CSS_SELECTOR, f"li[data-registry='{name}']").get_attribute("data-healthy"))


def every_control_is_labelled():
    unlabelled = driver.execute_script("""
        return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name || e.id);
    """)
    expect(not unlabelled, f"controls without a label on {driver.current_url}: {unlabelled}")


# The printed address signs in.
driver.get(console_url)
expect(driver.current_url.rstrip("/").endswith("/portal"), f"sign-in went to {driver.current_url}")
step("home")

# Step 1: Managed Identities, + Create, Subscription / Resource group / Region / Name, Review + create, Create.
click("Managed Identities")
click("+ Create")
every_control_is_labelled()
fill("newResourceGroup", group)
choose("region", "eastus")
fill("name", identity)
step("identity-basics")
click("Review + create")
expect(identity in body(), "the review shows the identity name")
click("Create")
shows("Deployment succeeded", "identity created")
step("identity-created")

# Step 2: Key vaults, + Create, Basics with Purge protection, Review + create, Create.
click("Key vaults")
click("+ Create")
every_control_is_labelled()
choose("resourceGroup", group)
fill("name", vault)
choose("region", "eastus")
radio("purgeProtection", "enable")
radio("permissionModel", "policy")
step("vault-basics")
click("Review + create")
click("Create")
shows("Deployment succeeded", "vault created")
step("vault-created")

# Step 3: Settings > Access policies, + Add Access Policy, Get / Unwrap Key / Wrap Key, Select principal, Add, Save.
click("Access policies")
click("+ Add Access Policy")
every_control_is_labelled()
for permission in ("get", "unwrapKey", "wrapKey"):
    radio("keyPermissions", permission)
settled(lambda: Select(driver.find_element(By.NAME, "principal")).select_by_visible_text(f"{identity} (managed identity)"))
step("access-policy-add")
click("Add")
shows("Not saved", "the added policy waits for Save")
click("Save")
shows("Successfully updated access policies", "policy saved")
step("access-policy-saved")

# Step 4: Settings > Keys, + Generate/Import, name, RSA, Create; the current version's Key identifier.
click("Keys")
click("+ Generate/Import")
every_control_is_labelled()
fill("name", key)
radio("keyType", "RSA")
click("Create")
shows("was created", "key created")
page = driver.find_element(By.TAG_NAME, "html")
settled(lambda: driver.find_element(By.XPATH, "//tr[contains(., '(current version)')]//a").click())
WebDriverWait(driver, 15).until(replaced(page))
key_identifier = driver.find_element(By.ID, "key-identifier").get_attribute("value")
expect(key_identifier.startswith(f"https://{vault}.vault.azure.net/keys/{key}/"), f"key identifier {key_identifier}")
settled(lambda: driver.find_element(By.CSS_SELECTOR, "[data-copy='key-identifier']").click())
step("key-identifier")

# Step 5: Container registries, + Create, Basics with SKU Premium, Encryption tab, Review + create, Create.
click("Container registries")
click("+ Create")
every_control_is_labelled()
choose("resourceGroup", group)
fill("name", registry)
choose("region", "eastus")
choose("sku", "Premium")
radio("cmk", "enabled")
settled(lambda: Select(driver.find_element(By.NAME, "identity")).select_by_visible_text(identity))
radio("keySource", "uri")
fill("keyURI", key_identifier)
step("registry-encryption-tab")
click("Review + create")
expect("Enabled" in body() and key_identifier in body(), "the review shows the encryption")
click("Create")
shows("Deployment succeeded", "registry created")
step("registry-created")

# Step 6: Settings > Encryption shows Enabled, the key and its version, rotation, identity, last rotation.
click("Encryption")
text = body()
for expected in ("Enabled", key_identifier, "Manual (versioned key identifier)", identity, "Last key rotation"):
    expect(expected in text, f"the Encryption blade shows {expected}")
step("registry-encryption-blade")

# A rule of the CLI, with its message: CMK on a Basic registry is refused.
click("Container registries")
click("+ Create")
choose("resourceGroup", group)
fill("name", f"basicreg{suffix}")
choose("sku", "Basic")
radio("cmk", "enabled")
settled(lambda: Select(driver.find_element(By.NAME, "identity")).select_by_visible_text(identity))
radio("keySource", "uri")
fill("keyURI", key_identifier)
click("Review + create")
click("Create")
error = driver.find_element(By.CSS_SELECTOR, ".error").text
expect("Premium" in error, f"Basic SKU with CMK is refused with the CLI's message: {error}")
step("rule-basic-sku-refused")

# The estate view: green.
click("Estate")
expect(registry_health(registry) == "true", "the new registry is healthy")
step("estate-green")

# Revoke from the drill page: the estate view turns red, with the cause and the fix.
click("Revocation drill")
drill_form("revoke", {"registry": registry, "method": "access-policy"})
shows("Revoked", "revocation confirmed")
expect(registry_health(registry) == "false", "the estate shows the registry broken")
shows("ForbiddenByPolicy", "the estate names the cause")
shows("az keyvault set-policy", "the estate gives the fix")
step("estate-red-after-revoke")

# Recover: green again.
click("Revocation drill")
drill_form("recover", {"registry": registry})
shows("Recovered", "recovery confirmed")
expect(registry_health(registry) == "true", "the estate shows the registry healthy again")
step("estate-green-after-recover")

# A full drill on a scratch copy, and its report downloads.
click("Revocation drill")
drill_form("run", {"registry": registry, "method": "disable-key"})
shows("Every observed impact matches", "the drill matches the impact tables")
rows = driver.find_elements(By.CSS_SELECTOR, "#impacts tbody tr")
expect(len(rows) >= 10, f"impact rows: {len(rows)}")
step("drill-report")
markdown_link = driver.find_element(By.PARTIAL_LINK_TEXT, "Markdown").get_attribute("href")
json_link = driver.find_element(By.PARTIAL_LINK_TEXT, "JSON").get_attribute("href")
cookie = driver.get_cookie("acrcmk_console")
opener = urllib.request.build_opener()
opener.addheaders = [("Cookie", f"acrcmk_console={cookie['value']}")]
markdown = opener.open(markdown_link).read().decode()
expect(markdown.startswith(f"# Revocation drill: {registry}, method disable-key"), "the Markdown report downloads")
report = json.loads(opener.open(json_link).read())
expect(report["allMatch"] is True and report["registry"] == registry, "the JSON report downloads")

# Names are escaped: hostile input comes back as text, never as markup.
click("Managed Identities")
click("+ Create")
choose("resourceGroup", group)
fill("name", "<script>window.xss=1</script>\"'><img src=x onerror=window.xss=2>")
click("Review + create")
click("Create")
expect(driver.execute_script("return window.xss === undefined"), "no script ran")
shows("<script>window.xss=1</script>", "the hostile name is shown as text")
expect("&lt;script&gt;" in driver.page_source, "the hostile name is escaped in the markup")
step("xss-escaped")

# A change without the CSRF token is refused, and so is a wrong console token.
request = urllib.request.Request(f"{base}/portal/identities/create", method="POST",
                                 data=urllib.parse.urlencode({"name": "csrfid", "resourceGroup": group,
                                                              "region": "eastus"}).encode(),
                                 headers={"Cookie": f"acrcmk_console={cookie['value']}"})
try:
    urllib.request.urlopen(request)
    fail("a change without the CSRF token was accepted")
except urllib.error.HTTPError as refused:
    expect(refused.code == 403, f"CSRF refusal status {refused.code}")
try:
    urllib.request.urlopen(f"{base}/?token=wrong")
    fail("a wrong console token was accepted")
except urllib.error.HTTPError as refused:
    expect(refused.code == 403, f"wrong token status {refused.code}")
try:
    urllib.request.urlopen(f"{base}/portal/registries")
    fail("the console answered without the console cookie")
except urllib.error.HTTPError as refused:
    expect(refused.code == 401, f"no-cookie status {refused.code}")

# A narrow window: nothing overflows sideways.
driver.set_window_size(420, 900)
driver.get(f"{base}/portal/registries/{registry}/encryption")
expect(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
       "the Encryption blade fits a narrow window")
step("narrow-window")

driver.quit()
print("RESULT " + json.dumps({"identity": identity, "vault": vault, "key": key, "registry": registry,
                              "group": group, "keyIdentifier": key_identifier}), flush=True)
