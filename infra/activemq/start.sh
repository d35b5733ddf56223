#!/usr/bin/env bash
# Starts a throw-away ActiveMQ Classic (Debian package) with the STOMP connector on
# 127.0.0.1:61613. Prints the PID on stdout. Usage: infra/activemq/start.sh [workdir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-${TMPDIR:-/tmp}/wallboard-activemq}
mkdir -p "$work/conf" "$work/data"
cp "$here/activemq.xml" "$here/log4j2.properties" "$work/conf/"
java -Xms64m -Xmx256m \
  -Dactivemq.home=/usr/share/activemq -Dactivemq.base="$work" \
  -Dactivemq.conf="$work/conf" -Dactivemq.data="$work/data" \
  -Dlog4j2.configurationFile="$work/conf/log4j2.properties" \
  -jar /usr/share/activemq/bin/activemq.jar start "xbean:file:$work/conf/activemq.xml" \
  >"$work/activemq.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>/dev/tcp/127.0.0.1/61613) 2>/dev/null; then echo "$pid"; exit 0; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "activemq exited; log:" >&2; tail -50 "$work/activemq.log" >&2; exit 1; fi
  sleep 0.2
done
echo "activemq did not open 61613 in 20 s; log:" >&2; tail -50 "$work/activemq.log" >&2; kill "$pid" || true; exit 1
