# Sourced by scripts/serve and scripts/test (not run on its own): the environment every build and
# test step shares. Nothing here may reach beyond this machine and the package registries.

# binaryen's wasm-opt and the Playwright CLI come from npm; cargo-installed tools from ~/.cargo/bin.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# trunk: use the tools on PATH and fail rather than download one; never ask for a newer trunk.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true

# Playwright uses Debian's /usr/bin/chromium (see tests/e2e/playwright.config.js), never its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Browser unit tests: the wasm-bindgen test runner drives Debian's chromium through chromedriver,
# with the browser arguments in webdriver.json (absolute, whatever directory cargo runs it from).
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json"
# Tests not marked otherwise run in the browser rather than in Node.js.
export WASM_BINDGEN_USE_BROWSER=1
# Seconds per test binary; the default (20) is tight on a loaded 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"

# Release builds of the app (trunk) and the browser tests share one cargo target directory.
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"
