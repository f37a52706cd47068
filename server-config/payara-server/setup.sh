#!/usr/bin/env bash
# Creates a Payara Server 6 domain for SyncPost, bound to 127.0.0.1 only unless told otherwise,
# starts it and deploys the EAR.
#
#   server-config/payara-server/setup.sh PAYARA_HOME EAR
#
# Environment (defaults in brackets):
#   SYNCPOST_DOMAIN [syncpost]            domain name
#   SYNCPOST_DOMAIN_DIR [PAYARA_HOME/glassfish/domains]
#   SYNCPOST_PORT_BASE [8000]             admin = base+48, HTTP = base+80, HTTPS = base+81
#   SYNCPOST_BIND_ADDRESS [127.0.0.1]     address every listener binds to
#   SYNCPOST_DATA_DIR [domain dir/syncpost-data]   credential key file and generated passwords
#   SYNCPOST_DB_URL, SYNCPOST_DB_USER, SYNCPOST_DB_PASSWORD   PostgreSQL (else the domain's H2)
#   SYNCPOST_ADMIN_PASSWORD               password of SyncPost's first administrator
# Stop it with: PAYARA_HOME/bin/asadmin stop-domain --domaindir DIR DOMAIN
set -euo pipefail

payara_home=${1:?"usage: setup.sh PAYARA_HOME EAR"}
ear=${2:?"usage: setup.sh PAYARA_HOME EAR"}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
asadmin="$payara_home/bin/asadmin"
domain=${SYNCPOST_DOMAIN:-syncpost}
domain_dir=${SYNCPOST_DOMAIN_DIR:-$payara_home/glassfish/domains}
port_base=${SYNCPOST_PORT_BASE:-8000}
bind=${SYNCPOST_BIND_ADDRESS:-127.0.0.1}
admin_port=$((port_base + 48))
mkdir -p "$domain_dir"
domain_dir=$(cd "$domain_dir" && pwd)
data_dir=${SYNCPOST_DATA_DIR:-$domain_dir/$domain/syncpost-data}

"$asadmin" create-domain --nopassword --portbase "$port_base" --domaindir "$domain_dir" "$domain"

# Before the first start: every listener on $bind, no data grid (Hazelcast would open ports on
# every interface and look for cluster members).
config="$domain_dir/$domain/config/domain.xml"
sed -i \
  -e "s/address=\"0\.0\.0\.0\"/address=\"$bind\"/g" \
  -e "s/<network-listener \(port=\"[^\"]*\"\)/<network-listener address=\"$bind\" \1/g" \
  -e "s/<hazelcast-config-specific-configuration\([ >]\)/<hazelcast-config-specific-configuration enabled=\"false\"\1/g" \
  -e "s/<hazelcast-runtime-configuration /<hazelcast-runtime-configuration interface=\"$bind\" /g" \
  "$config"

"$asadmin" start-domain --domaindir "$domain_dir" "$domain"
run() { "$asadmin" --port "$admin_port" "$@"; }

# SyncPost uses no JMS; the embedded broker's proxy would listen on every interface.
run set configs.config.server-config.jms-service.type=DISABLED
# Our security groups are the role names (administrator, approver, mailbox-owner).
run set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
mkdir -p "$data_dir"
run create-jvm-options "-Dsyncpost.data-dir=$data_dir"
# HTTP/1.1 only: Grizzly's HTTP/2 cuts requests that take longer than 30 s (payara/Payara#7394;
# server-config/payara-micro/pre-boot.asadmin says more)
run set configs.config.server-config.network-config.protocols.protocol.http-listener-2.http.http2-enabled=false
# SOAP faults (Metro) without the server's stack trace
run create-jvm-options "-Dcom.sun.xml.ws.fault.SOAPFaultBuilder.captureStackTrace=false"

if [ -n "${SYNCPOST_DB_URL:-}" ]; then
  driver=$(ls "$root"/target/postgresql-*.jar 2>/dev/null | head -n 1 || true)
  [ -n "$driver" ] || { echo "No PostgreSQL driver in $root/target: build SyncPost first." >&2; exit 1; }
  run add-library --type common "$driver"
  escaped_url=$(printf '%s' "$SYNCPOST_DB_URL" | sed 's/:/\\:/g')
  # the password stays in the environment of the server process: ${ENV=...} is resolved by Payara
  run create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource \
    --restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=32 \
    --isconnectvalidatereq=true --validationmethod=auto-commit \
    --property "url=$escaped_url:user=${SYNCPOST_DB_USER:-syncpost}:password=\${ENV=SYNCPOST_DB_PASSWORD}" \
    syncpost-postgresql
  run set resources.jdbc-resource.jdbc/__default.pool-name=syncpost-postgresql
fi

"$asadmin" restart-domain --domaindir "$domain_dir" "$domain"
run deploy --name syncpost --force=true "$ear"
echo "SyncPost is deployed: https://localhost:$((port_base + 81))/ (admin console: http://localhost:$admin_port/)"
