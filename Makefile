# Built by `sam build` (every function has Metadata: BuildMethod: makefile): SAM runs
# `make build-<LogicalId>` once per function with ARTIFACTS_DIR set, and deploys what lands there.
# All the functions are the same Native AOT executable, `bootstrap` (provided.al2023 runs it; the
# function's Handler tells it which step to run), so it is published once and copied for each.
# sam build may run the targets in parallel: the publish runs under a lock, and whoever gets the
# lock second finds the bootstrap up to date. This needs the build to run in the source tree
# (samconfig.toml sets build_in_source); a build in scratch copies would publish once per copy.
#
# Native AOT compiles for the machine it runs on: build on Linux with the functions' architecture
# (an Amazon Linux 2023 host or `sam build --use-container`), or set RID (linux-x64 | linux-arm64).

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
PROJECT := $(ROOT)/functions/OutpostServerless.Functions/OutpostServerless.Functions.csproj
RID ?= $(if $(filter aarch64 arm64,$(shell uname -m)),linux-arm64,linux-x64)
PUBLISH_DIR ?= $(ROOT)/.aws-sam/publish/$(RID)
BOOTSTRAP := $(PUBLISH_DIR)/bootstrap
SOURCES := $(shell find $(ROOT)/functions -type f \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/bin/*' -not -path '*/obj/*') \
	$(wildcard $(ROOT)/Directory.Build.props $(ROOT)/Directory.Packages.props $(ROOT)/global.json) \
	$(ROOT)/statemachine/request.schema.json

FUNCTIONS := ProvisioningsApiFunction ValidateRequestFunction BeginChangeFunction PlanProvisioningFunction EndChangeFunction CheckCapacityFunction EnsureVpcFunction EnsureSubnetFunction EnsureEgressFunction \
	EnsureSecurityGroupFunction EnsureInstanceRoleFunction EnsureClusterFunction LaunchContainerInstancesFunction \
	CheckContainerInstancesFunction RegisterTaskDefinitionFunction StartWorkloadFunction CheckWorkloadFunction RetireContainerInstancesFunction RollbackFunction \
	TeardownWorkloadFunction TeardownInstancesFunction TeardownClusterFunction TeardownInstanceRoleFunction TeardownNetworkFunction \
	JoinCapacityQueueFunction WakeCapacityWaitersFunction

.PHONY: $(addprefix build-,$(FUNCTIONS)) publish clean

$(addprefix build-,$(FUNCTIONS)): $(BOOTSTRAP)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through sam build" >&2; exit 2; }
	mkdir -p "$(ARTIFACTS_DIR)"
	cp "$(BOOTSTRAP)" "$(ARTIFACTS_DIR)/bootstrap"
	chmod 755 "$(ARTIFACTS_DIR)/bootstrap"

publish: $(BOOTSTRAP)

ifeq ($(PUBLISH_LOCKED),1)
$(BOOTSTRAP): $(SOURCES)
	dotnet publish "$(PROJECT)" --configuration Release --runtime $(RID) --self-contained true --output "$(PUBLISH_DIR)" -p:PublishAot=true
	touch "$@"
else
# Take the lock, then decide again inside it: a parallel build may have published meanwhile.
$(BOOTSTRAP): $(SOURCES)
	mkdir -p "$(PUBLISH_DIR)"
	flock "$(PUBLISH_DIR).lock" $(MAKE) --no-print-directory -f "$(ROOT)/Makefile" PUBLISH_LOCKED=1 RID=$(RID) PUBLISH_DIR="$(PUBLISH_DIR)" "$@"
endif

clean:
	rm -rf "$(ROOT)/.aws-sam/publish"
