#!/usr/bin/env bash
# A CI job in any language, with only a JDK and curl: start the standalone fake, load a scenario,
# check what a real curl client sees, inject a change and a not-ready capture over the control API,
# stop the fake.
#
# usage: fake-ticdc-ci.sh path/to/fake-ticdc-<version>-standalone.jar
set -euo pipefail

JAR=${1:?usage: $0 path/to/fake-ticdc-standalone.jar}
WORK=$(mktemp -d)
trap 'kill "$FAKE_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. start on free ports with a manual clock, and read the URL from the banner
java -jar "$JAR" --addr 127.0.0.1:0 --captures 3 --clock manual --scenario rolling-upgrade >"$WORK/out" 2>&1 &
FAKE_PID=$!
for _ in $(seq 1 100); do
  grep -q 'serving http' "$WORK/out" && break
  sleep 0.1
done
BASE=$(grep -o 'serving http://[0-9.]*:[0-9]*' "$WORK/out" | head -1 | cut -d' ' -f2)
[ -n "$BASE" ] || fail "the fake did not start: $(cat "$WORK/out")"
echo "fake TiCDC at $BASE"
# the control API takes mutating requests only as JSON (a browser page cannot send that cross-origin)
JSON=(-H 'Content-Type: application/json')

# 2. what a curl client sees: the scenario's three changefeeds and three captures
curl -fsS "$BASE/api/v2/changefeeds" | grep -q '"total":3' || fail "expected 3 changefeeds"
curl -fsS "$BASE/api/v2/captures" | grep -q '"total":3' || fail "expected 3 captures"
code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$BASE/api/v2/changefeeds/nope")
[ "$code" = 400 ] || fail "unknown changefeed: expected 400, got $code"
grep -q 'CDC:ErrChangeFeedNotExists' "$WORK/body" || fail "expected CDC:ErrChangeFeedNotExists"

# 3. create and pause through the real API, exactly as the public docs do it
curl -fsS -X POST -H "'Content-type':'application/json'" "$BASE/api/v2/changefeeds" \
  -d '{"changefeed_id":"ci-feed","sink_uri":"blackhole://"}' | grep -q '"sink_uri":"blackhole:"' \
  || fail "create did not answer the changefeed"
curl -fsS -X POST "$BASE/api/v2/changefeeds/ci-feed/pause" | grep -q '^{}$' || fail "pause did not answer {}"

# 4. inject a failure over the control API, then see it through the TiCDC API
curl -fsS -X POST "${JSON[@]}" "$BASE/fake/v1/steps" \
  -d '{"changefeed":"orders","kind":"FAIL","code":"CDC:ErrSnapshotLostByGC","message":"snapshot lost"}' >/dev/null
curl -fsS "$BASE/api/v2/changefeeds?state=failed" | grep -q '"code":"CDC:ErrSnapshotLostByGC"' \
  || fail "the injected failure is not visible"
curl -fsS -X POST "${JSON[@]}" "$BASE/fake/v1/clock" -d '{"advance":"10m"}' | grep -q '"now"' || fail "clock did not advance"

# 5. the capture is not ready for its next two requests (503 CDC:ErrServerIsNotReady, as while a
#    real one starts): a client that retries 503s, here curl --retry, gets through
curl -fsS -X POST "${JSON[@]}" "$BASE/fake/v1/steps" -d '{"capture":0,"kind":"NOT_READY_FOR","requests":2}' >/dev/null
code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$BASE/api/v2/captures")
[ "$code" = 503 ] || fail "not ready: expected 503, got $code"
grep -q 'CDC:ErrServerIsNotReady' "$WORK/body" || fail "expected CDC:ErrServerIsNotReady"
curl -fsS --retry 3 --retry-delay 0 "$BASE/api/v2/captures" 2>/dev/null | grep -q '"total":3' \
  || fail "curl --retry did not get through once the capture was ready"
n503=$(curl -fsS "$BASE/fake/v1/requests?method=GET&path=/api/v2/captures" | grep -c '"status" : 503' || true)
[ "$n503" = 2 ] || fail "expected the journal to show two 503s, got $n503"

# 6. the journal shows what the client did
curl -fsS "$BASE/fake/v1/requests?method=POST&path=/api/v2/changefeeds/:changefeed_id/pause" \
  | grep -q '"operation" : "pause changefeed"' || fail "the pause is not in the journal"

# 7. stop the fake and check that it exits cleanly
curl -fsS -X POST "${JSON[@]}" "$BASE/fake/v1/shutdown" >/dev/null
wait "$FAKE_PID" || fail "the fake exited with an error"
echo "1 passed, 0 failed"
