#!/usr/bin/env bash
# The design document's section 6 generation script ("scripts/generate-kz.sh", monitoring section),
# made runnable for comparison with `generate` (bench/generate.sh runs both). Not used by the project.
#
# Usage: generate-kz.sh SERVICE ENV REGION   (in a platform-next working tree)
# Environment: SERVICES_FILE, PROFILES_FILE (default: platform-next's kustomize/catalog paths),
#              OUT (default: generated): files go to $OUT/$SERVICE/$ENV/$REGION/
#
# Kept as the document writes it, merge rules and all (lists concatenated, variables replaced with
# sed, a failed catalog clone ignored). Changed only so that it runs:
#  1. the document elides "existing catalog loading": SERVICE_DATA is the entry selected by name,
#     TMP_DIR the target's directory, and the ConfigMap goes to $TMP_DIR/monitoring/ (the document
#     writes tmp/... there and kustomization.yaml to an undefined $TMP_DIR);
#  2. merge_dynatrace_config is defined before it is called (the document defines it after);
#  3. `yq eval EXPR` is mikefarah's yq v4. Debian packages only the jq-based yq (package yq, which
#     takes jq syntax), so yq_eval below runs mikefarah's when it is installed and otherwise the
#     Debian one with its output made to look like v4's (raw scalars, YAML maps, no separators),
#     and `.monitoringProfiles.NAME` is written `.monitoringProfiles["NAME"]`, which both accept.
# No set -e/-u/-o pipefail: the document's script has none, and its "|| echo" fallbacks rely on that.

SERVICE=$1
ENV=$2
REGION=$3
SERVICES_FILE=${SERVICES_FILE:-kustomize/catalog/services.yaml}
PROFILES_FILE=${PROFILES_FILE:-kustomize/catalog/monitoring-profiles.yaml}
OUT=${OUT:-generated}

if yq --version 2>&1 | grep -qi mikefarah; then
  yq_eval() { yq eval "$1" "${2:--}"; }
else
  yq_eval() { yq -y "$1" "${2:--}" | sed -e '/^\.\.\.$/d' -e '/^---$/d' -e 's/^--- //'; }
fi

# ---- (1) the elided catalog loading ----
SERVICE_DATA=$(yq_eval ".services[] | select(.name == \"$SERVICE\")" "$SERVICES_FILE")
TMP_DIR="$OUT/$SERVICE/$ENV/$REGION"
mkdir -p "$TMP_DIR"

# ================================================
# HELPER FUNCTION: MERGE DYNATRACE CONFIG  (2: moved up)
# ================================================
merge_dynatrace_config() {
  local PROFILE_CONFIG=$1
  local MONITORING_CONFIG=$2
  local SERVICE=$3
  local ENV=$4
  local TEAM=$5
  local COST_CENTER=$6
  local BUSINESS_UNIT=$7
  local CUSTOM_METRICS_REPO=$8
  local CUSTOM_METRICS_REF=$9
  shift 9
  local CUSTOM_METRICS_PROFILES="$@"

  # Load base Dynatrace config from profile
  BASE_APP_CONFIG=$(echo "$PROFILE_CONFIG" | yq_eval '.dynatrace.application' -)
  BASE_ALERT_RULES=$(echo "$PROFILE_CONFIG" | yq_eval '.dynatrace.alertRules[]' -)
  BASE_CUSTOM_METRICS=$(echo "$PROFILE_CONFIG" | yq_eval '.dynatrace.customMetrics[]' -)

  # Initialize merged config
  MERGED_CUSTOM_METRICS="$BASE_CUSTOM_METRICS"
  MERGED_ALERT_RULES="$BASE_ALERT_RULES"

  # Fetch custom metrics from metrics-catalog repo (if specified)
  if [[ -n "$CUSTOM_METRICS_REPO" ]]; then
    # Clone metrics-catalog repo temporarily
    TEMP_METRICS_DIR=$(mktemp -d)
    git clone --depth 1 --branch "$CUSTOM_METRICS_REF" "$CUSTOM_METRICS_REPO" "$TEMP_METRICS_DIR" 2>/dev/null || true

    # Load custom metrics from service-specific directory
    if [[ -d "$TEMP_METRICS_DIR/services/$SERVICE" ]]; then
      for METRICS_FILE in "$TEMP_METRICS_DIR/services/$SERVICE"/*.yaml; do
        if [[ -f "$METRICS_FILE" ]]; then
          # Extract custom metrics from ConfigMap
          CUSTOM_METRICS_JSON=$(yq_eval '.data."dynatrace-custom-metrics.json"' "$METRICS_FILE" 2>/dev/null || echo "")
          if [[ -n "$CUSTOM_METRICS_JSON" ]]; then
            # Parse and merge custom metrics
            CUSTOM_METRICS_FROM_FILE=$(echo "$CUSTOM_METRICS_JSON" | jq -r '.customMetrics[]' 2>/dev/null || echo "")
            CUSTOM_ALERT_RULES_FROM_FILE=$(echo "$CUSTOM_METRICS_JSON" | jq -r '.alertRules[]' 2>/dev/null || echo "")

            # Merge custom metrics
            if [[ -n "$CUSTOM_METRICS_FROM_FILE" ]]; then
              MERGED_CUSTOM_METRICS=$(echo -e "$MERGED_CUSTOM_METRICS\n$CUSTOM_METRICS_FROM_FILE")
            fi

            # Merge alert rules
            if [[ -n "$CUSTOM_ALERT_RULES_FROM_FILE" ]]; then
              MERGED_ALERT_RULES=$(echo -e "$MERGED_ALERT_RULES\n$CUSTOM_ALERT_RULES_FROM_FILE")
            fi
          fi
        fi
      done
    fi

    # Load custom metrics from profiles
    for PROFILE in $CUSTOM_METRICS_PROFILES; do
      if [[ -d "$TEMP_METRICS_DIR/profiles/$PROFILE" ]]; then
        for METRICS_FILE in "$TEMP_METRICS_DIR/profiles/$PROFILE"/*.yaml; do
          if [[ -f "$METRICS_FILE" ]]; then
            CUSTOM_METRICS_JSON=$(yq_eval '.data."dynatrace-custom-metrics.json"' "$METRICS_FILE" 2>/dev/null || echo "")
            if [[ -n "$CUSTOM_METRICS_JSON" ]]; then
              CUSTOM_METRICS_FROM_FILE=$(echo "$CUSTOM_METRICS_JSON" | jq -r '.customMetrics[]' 2>/dev/null || echo "")
              if [[ -n "$CUSTOM_METRICS_FROM_FILE" ]]; then
                MERGED_CUSTOM_METRICS=$(echo -e "$MERGED_CUSTOM_METRICS\n$CUSTOM_METRICS_FROM_FILE")
              fi
            fi
          fi
        done
      fi
    done

    rm -rf "$TEMP_METRICS_DIR"
  fi

  # Load inline custom metrics from service config
  INLINE_METRICS=$(echo "$MONITORING_CONFIG" | yq_eval '.customMetrics.metrics[]' - 2>/dev/null || echo "")
  if [[ -n "$INLINE_METRICS" ]]; then
    MERGED_CUSTOM_METRICS=$(echo -e "$MERGED_CUSTOM_METRICS\n$INLINE_METRICS")
  fi

  # Build final JSON structure
  FINAL_CUSTOM_METRICS_JSON=$(echo "$MERGED_CUSTOM_METRICS" | jq -s . 2>/dev/null || echo "[]")
  FINAL_ALERT_RULES_JSON=$(echo "$MERGED_ALERT_RULES" | jq -s . 2>/dev/null || echo "[]")

  # Substitute variables in base config
  MERGED_APP_CONFIG=$(echo "$BASE_APP_CONFIG" | sed "s/{SERVICE}/$SERVICE/g")
  MERGED_APP_CONFIG=$(echo "$MERGED_APP_CONFIG" | sed "s/{ENVIRONMENT}/$ENV/g")
  MERGED_APP_CONFIG=$(echo "$MERGED_APP_CONFIG" | sed "s/{TEAM}/$TEAM/g")
  MERGED_APP_CONFIG=$(echo "$MERGED_APP_CONFIG" | sed "s/{COST_CENTER}/$COST_CENTER/g")
  MERGED_APP_CONFIG=$(echo "$MERGED_APP_CONFIG" | sed "s/{BUSINESS_UNIT}/$BUSINESS_UNIT/g")

  # Generate final ConfigMap
  cat <<EOT
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${SERVICE}-dynatrace-config
  namespace: ${ENV}-${SERVICE}-${REGION}-stable
  labels:
    app: ${SERVICE}
    monitoring.profile: ${MONITORING_PROFILE}
    monitoring.tool: dynatrace
    monitoring.primary: "true"
    cost.service: ${SERVICE}
    cost.costCenter: ${COST_CENTER}
    cost.businessUnit: ${BUSINESS_UNIT}
data:
  application.json: |
    {
      "metadata": {
        "name": "${SERVICE}",
        "environment": "${ENV}",
        "team": "${TEAM}",
        "costCenter": "${COST_CENTER}",
        "businessUnit": "${BUSINESS_UNIT}"
      },
      "monitoring": $(echo "$MERGED_APP_CONFIG" | jq '.monitoring' 2>/dev/null || echo "{}"),
      "alertRules": ${FINAL_ALERT_RULES_JSON},
      "customMetrics": ${FINAL_CUSTOM_METRICS_JSON}
    }
EOT
}

# ================================================
# LOAD MONITORING CONFIGURATION
# ================================================
MONITORING_PROFILE=$(echo "$SERVICE_DATA" | yq_eval '.monitoringProfile // ""' -)
MONITORING_CONFIG=$(echo "$SERVICE_DATA" | yq_eval '.monitoring // {}' -)

if [[ -n "$MONITORING_PROFILE" ]]; then
  # Load base profile  (3: ["NAME"] for a name with '-')
  PROFILE_CONFIG=$(yq_eval ".monitoringProfiles[\"$MONITORING_PROFILE\"]" "$PROFILES_FILE")

  # Load custom metrics config
  CUSTOM_METRICS_REPO=$(echo "$MONITORING_CONFIG" | yq_eval '.customMetrics.repository.url // ""' -)
  CUSTOM_METRICS_REF=$(echo "$MONITORING_CONFIG" | yq_eval '.customMetrics.repository.ref // "main"' -)
  CUSTOM_METRICS_PROFILES=$(echo "$MONITORING_CONFIG" | yq_eval '.customMetrics.profiles[]' - 2>/dev/null | tr '\n' ' ')

  # Get service metadata
  TEAM=$(echo "$SERVICE_DATA" | yq_eval '.cost.costOwner // "owner@company.com"' -)
  COST_CENTER=$(echo "$SERVICE_DATA" | yq_eval '.cost.costCenter // "COR-B"' -)
  BUSINESS_UNIT=$(echo "$SERVICE_DATA" | yq_eval '.cost.businessUnit // "core-banking"' -)

  # ================================================
  # GENERATE DYNATRACE CONFIGMAP
  # ================================================
  MONITORING_DIR="$TMP_DIR/monitoring"
  mkdir -p "$MONITORING_DIR"

  if [[ $(echo "$PROFILE_CONFIG" | yq_eval '.dynatrace.enabled // false' -) == "true" ]]; then
    # Merge base profile + custom metrics
    DYNATRACE_CONFIG=$(merge_dynatrace_config \
      "$PROFILE_CONFIG" \
      "$MONITORING_CONFIG" \
      "$SERVICE" \
      "$ENV" \
      "$TEAM" \
      "$COST_CENTER" \
      "$BUSINESS_UNIT" \
      "$CUSTOM_METRICS_REPO" \
      "$CUSTOM_METRICS_REF" \
      "$CUSTOM_METRICS_PROFILES"
    )
    echo "$DYNATRACE_CONFIG" > "$MONITORING_DIR/dynatrace-app-config.yaml"
  fi
fi

# ================================================
# ADD MONITORING TO KUSTOMIZATION
# ================================================
cat >> "$TMP_DIR/kustomization.yaml" <<EOT

# Monitoring resources
resources:
  - ./monitoring/dynatrace-app-config.yaml

# Custom metrics from metrics-catalog (if specified)
EOT

# Add custom metrics resources
if [[ -n "$CUSTOM_METRICS_REPO" ]]; then
  for PROFILE in $CUSTOM_METRICS_PROFILES; do
    echo "  - ${CUSTOM_METRICS_REPO}/profiles/${PROFILE}?ref=${CUSTOM_METRICS_REF}" >> "$TMP_DIR/kustomization.yaml"
  done

  # Add service-specific custom metrics
  echo "  - ${CUSTOM_METRICS_REPO}/services/${SERVICE}?ref=${CUSTOM_METRICS_REF}" >> "$TMP_DIR/kustomization.yaml"
fi
