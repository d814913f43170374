# Built by `sam build` (every function has Metadata: BuildMethod: makefile): SAM runs
# `make build-<LogicalId>` once per function with ARTIFACTS_DIR set, and deploys what lands there.
# All the functions are the same Native AOT executable, `bootstrap` (provided.al2023 runs it; the
# function's Handler tells it which step to run), so it is published once and copied for each.
# sam build may run the targets in parallel: the publish runs under a lock, and whoever gets the
# lock second finds the bootstrap up to date. This needs the build to run in the source tree
# (samconfig.toml sets build_in_source); a build in scratch copies would publish once per copy.
#
# SAM's makefile builder passes only ARTIFACTS_DIR (aws-lambda-builders, custom_make/actions.py), not the
# function's Architectures, so the architecture is ours to name: ARCHITECTURE=x86_64|arm64 (the template's
# Architecture parameter; default: this machine's). Native AOT compiles for the machine it runs on; for the
# other architecture it cross-compiles with clang, lld and Debian's cross toolchain for the target
# (gcc-aarch64-linux-gnu or gcc-x86-64-linux-gnu, which bring its libc), and refuses, naming the packages,
# when they are missing. Every artifact's ELF machine is checked against ARCHITECTURE before SAM gets it;
# `outpost-serverless verify-build` checks the built stack against the Architecture it will be deployed with.

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
PROJECT := $(ROOT)/functions/OutpostServerless.Functions/OutpostServerless.Functions.csproj
HOST_ARCHITECTURE := $(if $(filter aarch64 arm64,$(shell uname -m)),arm64,x86_64)
ARCHITECTURE ?= $(HOST_ARCHITECTURE)
ifeq ($(ARCHITECTURE),x86_64)
RID := linux-x64
TRIPLE := x86_64-linux-gnu
CROSS_PACKAGE := gcc-x86-64-linux-gnu
ELF_MACHINE := 62
else ifeq ($(ARCHITECTURE),arm64)
RID := linux-arm64
TRIPLE := aarch64-linux-gnu
CROSS_PACKAGE := gcc-aarch64-linux-gnu
ELF_MACHINE := 183
else
$(error ARCHITECTURE=$(ARCHITECTURE): Lambda architectures are x86_64 and arm64. Fix: ARCHITECTURE=x86_64 or ARCHITECTURE=arm64)
endif
ifneq ($(ARCHITECTURE),$(HOST_ARCHITECTURE))
CROSS_TOOLS := clang lld $(TRIPLE)-gcc $(TRIPLE)-objcopy
CROSS_FLAGS := -p:SysRoot=/ -p:LinkerFlavor=lld -p:ObjCopyName=$(TRIPLE)-objcopy
endif
PUBLISH_DIR ?= $(ROOT)/.aws-sam/publish/$(RID)
BOOTSTRAP := $(PUBLISH_DIR)/bootstrap
SOURCES := $(shell find $(ROOT)/functions -type f \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/bin/*' -not -path '*/obj/*') \
	$(wildcard $(ROOT)/Directory.Build.props $(ROOT)/Directory.Packages.props $(ROOT)/global.json) \
	$(ROOT)/statemachine/request.schema.json

# The ELF header's e_machine (bytes 18-19, little-endian): 62 is x86-64, 183 is AArch64.
check_machine = test "$$(od -An -tu2 -j18 -N2 "$(1)" | tr -d ' ')" = "$(ELF_MACHINE)" || \
	{ echo "$(1) is not a $(ARCHITECTURE) executable (ELF machine $$(od -An -tu2 -j18 -N2 "$(1)" | tr -d ' '), expected $(ELF_MACHINE)): it would fail with Runtime.InvalidEntrypoint. Fix: make clean, then build again with ARCHITECTURE=$(ARCHITECTURE)" >&2; exit 1; }

FUNCTIONS := ProvisioningsApiFunction ValidateRequestFunction BeginChangeFunction PlanProvisioningFunction EndChangeFunction CheckCapacityFunction EnsureVpcFunction EnsureSubnetFunction EnsureEgressFunction \
	EnsureSecurityGroupFunction EnsureInstanceRoleFunction EnsureClusterFunction LaunchContainerInstancesFunction \
	CheckContainerInstancesFunction RegisterTaskDefinitionFunction StartWorkloadFunction CheckWorkloadFunction RetireContainerInstancesFunction RollbackFunction \
	TeardownWorkloadFunction TeardownInstancesFunction TeardownClusterFunction TeardownInstanceRoleFunction TeardownNetworkFunction \
	JoinCapacityQueueFunction WakeCapacityWaitersFunction

.PHONY: $(addprefix build-,$(FUNCTIONS)) publish cli clean

$(addprefix build-,$(FUNCTIONS)): $(BOOTSTRAP)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through sam build" >&2; exit 2; }
	mkdir -p "$(ARTIFACTS_DIR)"
	cp "$(BOOTSTRAP)" "$(ARTIFACTS_DIR)/bootstrap"
	chmod 755 "$(ARTIFACTS_DIR)/bootstrap"
	@$(call check_machine,$(ARTIFACTS_DIR)/bootstrap)

publish: $(BOOTSTRAP)

ifeq ($(PUBLISH_LOCKED),1)
$(BOOTSTRAP): $(SOURCES)
	@for tool in $(CROSS_TOOLS); do command -v $$tool >/dev/null || { echo "Cannot build $(ARCHITECTURE) on this $(HOST_ARCHITECTURE) machine: $$tool is missing, and Native AOT needs clang, lld and the $(TRIPLE) cross toolchain to cross-compile. Fix: apt-get install clang lld $(CROSS_PACKAGE), or build on a $(ARCHITECTURE) machine" >&2; exit 1; }; done
	dotnet publish "$(PROJECT)" --configuration Release --runtime $(RID) --self-contained true --output "$(PUBLISH_DIR)" -p:PublishAot=true $(CROSS_FLAGS)
	@$(call check_machine,$@)
	touch "$@"
else
# Take the lock, then decide again inside it: a parallel build may have published meanwhile.
$(BOOTSTRAP): $(SOURCES)
	mkdir -p "$(PUBLISH_DIR)"
	flock "$(PUBLISH_DIR).lock" $(MAKE) --no-print-directory -f "$(ROOT)/Makefile" PUBLISH_LOCKED=1 ARCHITECTURE=$(ARCHITECTURE) PUBLISH_DIR="$(PUBLISH_DIR)" "$@"
endif

# The CLI for this machine, precompiled (ReadyToRun): a fresh `outpost-serverless run` runs its code without
# JIT-compiling most of it first, about half the time of the JIT build (`bench runbook --cli` measures it).
# The functions project it references is a self-contained executable (the AOT bootstrap); the CLI only uses its code.
HOST_RID := $(if $(filter arm64,$(HOST_ARCHITECTURE)),linux-arm64,linux-x64)
CLI_DIR ?= $(ROOT)/.aws-sam/cli/$(HOST_RID)
cli:
	dotnet publish "$(ROOT)/local/OutpostServerless.Cli/OutpostServerless.Cli.csproj" --configuration Release --runtime $(HOST_RID) --self-contained false \
		--output "$(CLI_DIR)" -p:PublishReadyToRun=true -p:ValidateExecutableReferencesMatchSelfContained=false

clean:
	rm -rf "$(ROOT)/.aws-sam/publish" "$(ROOT)/.aws-sam/cli"
