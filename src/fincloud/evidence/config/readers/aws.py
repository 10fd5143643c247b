"""Translate AWS resources of a Terraform plan into the neutral model.

Each ``_type`` function handles one family of AWS resource types. Where AWS's own default
decides the answer (S3 encrypts new objects with SSE-S3 since January 2023; a VPC always has
a default security group that allows traffic within itself), the default is stated in the
attribute so the finding can say so; where the plan cannot know (a value computed at apply
with no reference to follow), the attribute stays ``None``.
"""

from __future__ import annotations

import json
from typing import Any

from fincloud.evidence.config.model import Estate, Resource
from fincloud.evidence.config.readers import policy as pol
from fincloud.evidence.config.readers.terraform import Plan, RawResource
from fincloud.evidence.config.tags import data_classes_from_tags, role_from_tags

INTERNET = ("0.0.0.0/0", "::/0")


def _block(values: dict[str, Any], name: str) -> dict[str, Any]:
    blocks = values.get(name)
    if isinstance(blocks, list) and blocks and isinstance(blocks[0], dict):
        return blocks[0]
    return blocks if isinstance(blocks, dict) else {}


def _blocks(values: dict[str, Any], name: str) -> list[dict[str, Any]]:
    blocks = values.get(name)
    return [b for b in blocks if isinstance(b, dict)] if isinstance(blocks, list) else []


def _tags(res: RawResource) -> dict[str, str]:
    tags = res.values.get("tags_all") or res.values.get("tags") or {}
    return {str(k): str(v) for k, v in tags.items()} if isinstance(tags, dict) else {}


class _Translator:
    def __init__(self, plan: Plan, estate: Estate) -> None:
        self.plan = plan
        self.estate = estate
        self.out: dict[str, Resource] = {}

    # -- helpers -------------------------------------------------------------------------
    def add(self, raw: RawResource, kind: str, attrs: dict[str, Any], address: str | None = None) -> Resource:
        tags = _tags(raw)
        res = Resource(
            address=address or raw.address,
            kind=kind,
            provider="aws",
            region=self.plan.region_of(raw),
            attrs=attrs,
            tags=tags,
            data_classes=data_classes_from_tags(tags),
            role=role_from_tags(tags),
        )
        self.out[res.address] = res
        return res

    def key_info(self, raw: RawResource, attr: str) -> tuple[str | None, bool | None]:
        """(key address or id, customer-managed?) for a ``kms_key_id``-like attribute."""
        target = self.plan.ref(raw, attr, ("aws_kms_key", "aws_kms_replica_key", "aws_kms_alias"))
        if target is not None:
            if target.type == "aws_kms_alias":
                key = self.plan.ref(target, "target_key_id", ("aws_kms_key", "aws_kms_replica_key"))
                return (key.address if key else target.address), True
            return target.address, True
        value = _nested_value(raw.values, attr)
        if isinstance(value, str) and value:
            if "alias/aws/" in value:
                return value, False
            return value, True
        if raw.is_unknown(attr) or _nested_unknown(raw.unknown, attr):
            return None, None
        return None, False

    # -- IAM ------------------------------------------------------------------------------
    def iam(self) -> None:
        plan = self.plan
        statements_of: dict[str, list[dict[str, Any]] | None] = {}
        for raw in plan.of_type("aws_iam_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role_policy"):
            statements = pol.parse_document(raw.values.get("policy"))
            if statements is None:
                doc = plan.ref(raw, "policy", ("aws_iam_policy_document",))
                if doc is not None:
                    statements = pol.statements_from_blocks(doc.values.get("statement"))
                    if not statements:
                        statements = pol.parse_document(doc.values.get("json"))
            statements_of[raw.address] = statements
            attached = [t.address for attr in ("user", "group", "role") for t in plan.refs(raw, attr)]
            self.add(raw, "policy", {"statements": statements, "attached_to": attached, "managed": False})
        # Attachments: a customer policy's principals, or an AWS-managed admin policy.
        for raw in plan.of_type(
            "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
            "aws_iam_role_policy_attachment", "aws_iam_policy_attachment",
        ):
            principals = [t.address for attr in ("user", "group", "role", "users", "groups", "roles") for t in plan.refs(raw, attr)]
            target = plan.ref(raw, "policy_arn", ("aws_iam_policy",))
            if target is not None and target.address in self.out:
                self.out[target.address].attrs["attached_to"].extend(principals)
                continue
            arn = raw.values.get("policy_arn")
            if isinstance(arn, str) and arn in pol.ADMIN_MANAGED_POLICIES:
                statements = [{"effect": "Allow", "actions": ["*"], "not_actions": [], "resources": ["*"],
                               "principals": [], "condition": {}}]
                self.add(raw, "policy", {"statements": statements, "attached_to": principals,
                                         "managed": True, "policy_arn": arn})
        self.users(statements_of)
        pp = plan.of_type("aws_iam_account_password_policy")
        for raw in pp:
            v = raw.values
            self.add(raw, "password_policy", {
                "min_length": v.get("minimum_password_length"),
                "require_lowercase": v.get("require_lowercase_characters"),
                "require_uppercase": v.get("require_uppercase_characters"),
                "require_numbers": v.get("require_numbers"),
                "require_symbols": v.get("require_symbols"),
                # Unset in the configuration means AWS's default: 0 = never expires / no reuse check.
                "max_age_days": v.get("max_password_age") or 0,
                "reuse_prevention": v.get("password_reuse_prevention") or 0,
                "lockout_attempts": None,
                "lockout_note": "AWS IAM has no sign-in lockout setting",
            })

    def users(self, statements_of: dict[str, list[dict[str, Any]] | None]) -> None:
        plan = self.plan
        policies_of: dict[str, list[str]] = {}
        for res in [r for r in self.out.values() if r.kind == "policy"]:
            for principal in res.attrs["attached_to"]:
                policies_of.setdefault(principal, []).append(res.address)
        groups_of: dict[str, list[str]] = {}
        for raw in plan.of_type("aws_iam_user_group_membership"):
            user = plan.ref(raw, "user", ("aws_iam_user",))
            if user:
                groups_of.setdefault(user.address, []).extend(t.address for t in plan.refs(raw, "groups", ("aws_iam_group",)))
        for raw in plan.of_type("aws_iam_group_membership"):
            group = plan.ref(raw, "group", ("aws_iam_group",))
            if group:
                for user in plan.refs(raw, "users", ("aws_iam_user",)):
                    groups_of.setdefault(user.address, []).append(group.address)
        console = {u.address for raw in plan.of_type("aws_iam_user_login_profile")
                   for u in plan.refs(raw, "user", ("aws_iam_user",))}
        for raw in plan.of_type("aws_iam_user"):
            principals = [raw.address, *groups_of.get(raw.address, [])]
            attached = [p for principal in principals for p in policies_of.get(principal, [])]
            statements = [st for p in attached for st in (self.out[p].attrs["statements"] or [])]
            mfa_enforced = pol.enforces_mfa(statements)
            self.add(raw, "user", {
                "console_access": raw.address in console,
                "admin": pol.grants_everything(statements),
                "mfa": True if mfa_enforced else None,
                "mfa_note": ("an attached policy denies every action without MFA" if mfa_enforced else
                             "MFA devices are not in a Terraform plan and no attached policy enforces MFA"),
            })

    # -- logging and alerts ----------------------------------------------------------------
    def logging(self) -> None:
        plan = self.plan
        for raw in plan.of_type("aws_cloudwatch_log_group"):
            key, cmk = self.key_info(raw, "kms_key_id")
            self.add(raw, "log_group", {"retention_days": raw.values.get("retention_in_days"),
                                        "kms_key": key, "customer_managed_key": cmk})
        for raw in plan.of_type("aws_cloudtrail"):
            v = raw.values
            key, cmk = self.key_info(raw, "kms_key_id")
            bucket = plan.ref(raw, "s3_bucket_name", ("aws_s3_bucket",))
            group = plan.ref(raw, "cloud_watch_logs_group_arn", ("aws_cloudwatch_log_group",))
            selectors = _blocks(v, "event_selector")
            management = all(s.get("include_management_events", True) and s.get("read_write_type", "All") == "All"
                             for s in selectors) if selectors else True
            if _blocks(v, "advanced_event_selector"):
                management = None  # advanced selectors: read them by hand
            self.add(raw, "audit_trail", {
                "enabled": v.get("enable_logging", True),
                "multi_region": v.get("is_multi_region_trail"),
                "global_events": v.get("include_global_service_events", True),
                "management_events": management,
                "integrity_validation": v.get("enable_log_file_validation"),
                "kms_key": key, "customer_managed_key": cmk if key or cmk is not None else None,
                "log_storage": bucket.address if bucket else v.get("s3_bucket_name"),
                "log_group": group.address if group else None,
            })
        self.alerts()

    def alerts(self) -> None:
        plan = self.plan
        filters: dict[tuple[str, str], RawResource] = {}
        for raw in plan.of_type("aws_cloudwatch_log_metric_filter"):
            mt = _block(raw.values, "metric_transformation")
            filters[(str(mt.get("namespace")), str(mt.get("name")))] = raw
        for raw in plan.of_type("aws_cloudwatch_metric_alarm"):
            f = filters.get((str(raw.values.get("namespace")), str(raw.values.get("metric_name"))))
            if f is None:
                continue
            covers = classify_changes(str(f.values.get("pattern") or ""))
            self.add(raw, "alert_rule", {"covers": sorted(covers), "notifies": bool(raw.values.get("alarm_actions") or plan.refs(raw, "alarm_actions")),
                                         "source": f.address})
        targets = {t.address for raw in plan.of_type("aws_cloudwatch_event_target")
                   for t in plan.refs(raw, "rule", ("aws_cloudwatch_event_rule",))}
        for raw in plan.of_type("aws_cloudwatch_event_rule"):
            pattern = raw.values.get("event_pattern")
            if not isinstance(pattern, str):
                continue
            self.add(raw, "alert_rule", {"covers": sorted(classify_changes(pattern)),
                                         "notifies": raw.address in targets, "source": raw.address})

    # -- storage -------------------------------------------------------------------------
    def buckets(self) -> None:
        plan = self.plan
        account_block = None
        for raw in plan.of_type("aws_s3_account_public_access_block"):
            account_block = {k: raw.values.get(k) for k in _BLOCK_FLAGS}
        extras: dict[str, dict[str, Any]] = {}

        def extra(raw: RawResource) -> dict[str, Any] | None:
            target = plan.ref(raw, "bucket", ("aws_s3_bucket",))
            return extras.setdefault(target.address, {}) if target else None

        for raw in plan.of_type("aws_s3_bucket_public_access_block"):
            if (e := extra(raw)) is not None:
                e["block"] = {k: raw.values.get(k) for k in _BLOCK_FLAGS}
        for raw in plan.of_type("aws_s3_bucket_acl"):
            if (e := extra(raw)) is not None:
                e["acl"] = raw.values.get("acl")
        for raw in plan.of_type("aws_s3_bucket_policy"):
            if (e := extra(raw)) is not None:
                statements = pol.parse_document(raw.values.get("policy"))
                if statements is None:
                    doc = plan.ref(raw, "policy", ("aws_iam_policy_document",))
                    statements = pol.statements_from_blocks(doc.values.get("statement")) if doc else None
                e["policy"] = statements
        for raw in plan.of_type("aws_s3_bucket_server_side_encryption_configuration"):
            if (e := extra(raw)) is not None:
                rule = _block(_block(raw.values, "rule"), "apply_server_side_encryption_by_default")
                e["sse"] = rule.get("sse_algorithm")
                e["kms"] = self.key_info(raw, "rule") if rule.get("sse_algorithm", "").startswith("aws:kms") else (None, False)
        for raw in plan.of_type("aws_s3_bucket_lifecycle_configuration"):
            if (e := extra(raw)) is not None:
                days = [_block(r, "expiration").get("days") for r in _blocks(raw.values, "rule")
                        if r.get("status", "Enabled") == "Enabled"]
                days = [d for d in days if isinstance(d, int) and d > 0]
                e["expiration_days"] = min(days) if days else None
        log_buckets = {r.attrs.get("log_storage") for r in self.out.values() if r.kind == "audit_trail"}
        for raw in plan.of_type("aws_s3_bucket"):
            v = raw.values
            e = extras.get(raw.address, {})
            acl = e.get("acl", v.get("acl"))
            statements = e.get("policy")
            if statements is None and v.get("policy"):
                statements = pol.parse_document(v.get("policy"))
            block = e.get("block")
            if account_block:
                block = {k: bool((block or {}).get(k)) or bool(account_block.get(k)) for k in _BLOCK_FLAGS}
            sse = e.get("sse")
            legacy = _block(_block(_block(v, "server_side_encryption_configuration"), "rule"),
                            "apply_server_side_encryption_by_default")
            if sse is None and legacy:
                sse = legacy.get("sse_algorithm")
                e["kms"] = self.key_info(raw, "server_side_encryption_configuration") if str(sse).startswith("aws:kms") else (None, False)
            key, cmk = e.get("kms", (None, False))
            self.add(raw, "bucket", {
                "acl": acl,
                "policy_statements": statements,
                "public_access_block": block,
                "account_public_access_block": account_block is not None,
                "encrypted": True,
                "encryption": sse or "AES256 (S3 default encryption since 2023-01)",
                "kms_key": key, "customer_managed_key": cmk,
                "expiration_days": e.get("expiration_days"),
                "is_log_storage": raw.address in log_buckets or v.get("bucket") in log_buckets,
            })

    # -- databases, servers, volumes ---------------------------------------------------------
    def compute(self, subnet_vpc: dict[str, str]) -> None:
        plan = self.plan
        subnet_groups = {raw.address: [s.address for s in plan.refs(raw, "subnet_ids", ("aws_subnet",))]
                         for raw in plan.of_type("aws_db_subnet_group")}
        for raw in plan.of_type("aws_db_instance", "aws_rds_cluster"):
            v = raw.values
            group = plan.ref(raw, "db_subnet_group_name", ("aws_db_subnet_group",))
            subnets = subnet_groups.get(group.address, []) if group else []
            key, cmk = self.key_info(raw, "kms_key_id")
            encrypted = v.get("storage_encrypted")
            if raw.type == "aws_rds_cluster" and encrypted is None and v.get("engine_mode") == "serverless":
                encrypted = True
            multi_az = v.get("multi_az")
            if raw.type == "aws_rds_cluster":
                members = [r for r in plan.of_type("aws_rds_cluster_instance")
                           if plan.ref(r, "cluster_identifier", ("aws_rds_cluster",)) is raw]
                azs = v.get("availability_zones")
                multi_az = len(members) >= 2 or (isinstance(azs, list) and len(azs) >= 2) or bool(multi_az)
            self.add(raw, "database", {
                "engine": v.get("engine"),
                "publicly_accessible": v.get("publicly_accessible", False) if raw.type == "aws_db_instance" else False,
                "encrypted": encrypted if encrypted is not None else (None if raw.is_unknown("storage_encrypted") else False),
                "kms_key": key if encrypted else None, "customer_managed_key": cmk if encrypted else False,
                # Unset means AWS's default of 1 day (RDS CreateDBInstance/CreateDBCluster).
                "backup_retention_days": v.get("backup_retention_period",
                                               None if "backup_retention_period" in raw.expressions else 1),
                "multi_az": multi_az,
                "subnets": subnets,
                "network": subnet_vpc.get(subnets[0]) if subnets else None,
            })
        backup = self.backup_targets()
        for raw in plan.of_type("aws_instance"):
            v = raw.values
            subnet = plan.ref(raw, "subnet_id", ("aws_subnet",))
            root = _block(v, "root_block_device")
            key, cmk = self.key_info(raw, "root_block_device")
            public_ip = v.get("associate_public_ip_address")
            if public_ip is None and subnet is not None and not raw.is_unknown("associate_public_ip_address"):
                public_ip = bool(subnet.values.get("map_public_ip_on_launch"))
            tags = _tags(raw)
            encrypted = root.get("encrypted")
            self.add(raw, "server", {
                "public_ip": public_ip,
                "subnet": subnet.address if subnet else None,
                "network": subnet_vpc.get(subnet.address) if subnet else None,
                "encrypted": encrypted,
                "kms_key": key if encrypted else None, "customer_managed_key": cmk if encrypted else False,
                "backed_up": backup(raw, tags),
            })
        for raw in plan.of_type("aws_ebs_volume"):
            key, cmk = self.key_info(raw, "kms_key_id")
            encrypted = raw.values.get("encrypted")
            self.add(raw, "volume", {"encrypted": encrypted, "kms_key": key if encrypted else None,
                                     "customer_managed_key": cmk if encrypted else False,
                                     "backed_up": backup(raw, _tags(raw))})

    def backup_targets(self) -> Any:
        """A function telling whether a volume or instance is covered by AWS Backup or DLM."""
        plan = self.plan
        covered: set[str] = set()
        tag_sets: list[tuple[str, str]] = []
        everything = False
        for raw in plan.of_type("aws_backup_selection"):
            covered.update(t.address for t in plan.refs(raw, "resources"))
            for arn in raw.values.get("resources") or []:
                if arn in ("*", "arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*:*:instance/*"):
                    everything = True
            for sel in _blocks(raw.values, "selection_tag"):
                tag_sets.append((str(sel.get("key")), str(sel.get("value"))))
        for raw in plan.of_type("aws_dlm_lifecycle_policy"):
            details = _block(raw.values, "policy_details")
            tag_sets.extend((str(k), str(val)) for k, val in (details.get("target_tags") or {}).items())
        known = bool(plan.of_type("aws_backup_selection", "aws_dlm_lifecycle_policy"))

        def is_backed_up(raw: RawResource, tags: dict[str, str]) -> bool | None:
            if everything or raw.address in covered or any(tags.get(k) == val for k, val in tag_sets):
                return True
            return False if known or self.estate.complete else None
        return is_backed_up

    # -- network -------------------------------------------------------------------------
    def network(self) -> dict[str, str]:
        plan = self.plan
        igws = {r.address for r in plan.of_type("aws_internet_gateway", "aws_egress_only_internet_gateway")}
        table_public: dict[str, str] = {}

        def mark(table: RawResource | None, route: dict[str, Any] | None, raw: RawResource) -> None:
            if table is None:
                return
            gw = plan.ref(raw, "gateway_id", ("aws_internet_gateway",)) if route is None else None
            gw_value = (route or raw.values).get("gateway_id")
            dest = (route or raw.values).get("cidr_block") or (route or raw.values).get("destination_cidr_block")
            if gw is not None or (isinstance(gw_value, str) and gw_value.startswith("igw-")):
                table_public[table.address] = f"route {dest or '?'} to internet gateway"

        for raw in plan.of_type("aws_route_table", "aws_default_route_table"):
            routes = _blocks(raw.values, "route")
            via_ref = [t for t in plan.refs(raw, "route") if t.address in igws]
            if via_ref:
                table_public[raw.address] = "route to internet gateway " + via_ref[0].address
            for route in routes:
                mark(raw, route, raw)
        for raw in plan.of_type("aws_route"):
            table = plan.ref(raw, "route_table_id", ("aws_route_table", "aws_default_route_table"))
            if table and plan.ref(raw, "gateway_id", ("aws_internet_gateway",)):
                table_public[table.address] = f"route {raw.values.get('destination_cidr_block') or '?'} to internet gateway ({raw.address})"
            elif table:
                mark(table, None, raw)
        subnet_table: dict[str, str] = {}
        for raw in plan.of_type("aws_route_table_association"):
            subnet = plan.ref(raw, "subnet_id", ("aws_subnet",))
            table = plan.ref(raw, "route_table_id", ("aws_route_table", "aws_default_route_table"))
            if subnet and table:
                subnet_table[subnet.address] = table.address
        main_table: dict[str, str] = {}
        for raw in plan.of_type("aws_main_route_table_association"):
            vpc, table = plan.ref(raw, "vpc_id", ("aws_vpc",)), plan.ref(raw, "route_table_id", ("aws_route_table",))
            if vpc and table:
                main_table[vpc.address] = table.address
        for raw in plan.of_type("aws_default_route_table"):
            vpc = plan.ref(raw, "default_route_table_id", ("aws_vpc",))
            if vpc:
                main_table.setdefault(vpc.address, raw.address)
        subnet_vpc: dict[str, str] = {}
        for raw in plan.of_type("aws_vpc"):
            self.add(raw, "network", {"cidr": raw.values.get("cidr_block")})
        for raw in plan.of_type("aws_subnet"):
            vpc = plan.ref(raw, "vpc_id", ("aws_vpc",))
            if vpc:
                subnet_vpc[raw.address] = vpc.address
            table = subnet_table.get(raw.address) or (main_table.get(vpc.address) if vpc else None)
            if table is not None:
                public, reason = table in table_public, table_public.get(table, f"route table {table} has no internet gateway route")
            elif vpc is not None:
                public, reason = False, "uses the VPC's main route table (local route only)"
            else:
                public, reason = None, "route table and VPC not known from the plan"
            self.add(raw, "subnet", {"network": vpc.address if vpc else None, "public": public, "reason": reason,
                                     "map_public_ip": raw.values.get("map_public_ip_on_launch")})
        self.security_groups()
        return subnet_vpc

    def security_groups(self) -> None:
        plan = self.plan
        groups: dict[str, Resource] = {}
        for raw in plan.of_type("aws_security_group", "aws_default_security_group"):
            rules = [_rule(b, "ingress") for b in _blocks(raw.values, "ingress")]
            rules += [_rule(b, "egress") for b in _blocks(raw.values, "egress")]
            vpc = plan.ref(raw, "vpc_id", ("aws_vpc",))
            groups[raw.address] = self.add(raw, "security_group", {
                "default": raw.type == "aws_default_security_group", "rules": rules, "rule_sources": {},
                "network": vpc.address if vpc else None, "managed": True,
            })
        for raw in plan.of_type("aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
                                "aws_vpc_security_group_egress_rule"):
            sg = plan.ref(raw, "security_group_id", ("aws_security_group", "aws_default_security_group"))
            if sg is None or sg.address not in groups:
                continue
            v = raw.values
            if raw.type == "aws_security_group_rule":
                rule = _rule(v, str(v.get("type", "ingress")))
            else:
                direction = "ingress" if raw.type.endswith("ingress_rule") else "egress"
                rule = {"direction": direction, "protocol": str(v.get("ip_protocol", "-1")),
                        "from_port": v.get("from_port"), "to_port": v.get("to_port"),
                        "sources": [c for c in (v.get("cidr_ipv4"), v.get("cidr_ipv6")) if c]}
            rule["defined_by"] = raw.address
            groups[sg.address].attrs["rules"].append(rule)
        managed_defaults = {r.attrs["network"] for r in groups.values() if r.attrs["default"]}
        for raw in plan.of_type("aws_vpc"):
            if raw.address not in managed_defaults:
                self.out[f"{raw.address}:default_security_group"] = Resource(
                    address=f"{raw.address}:default_security_group", kind="security_group", provider="aws",
                    region=self.plan.region_of(raw),
                    attrs={"default": True, "network": raw.address, "managed": False, "rules": [
                        {"direction": "ingress", "protocol": "-1", "from_port": 0, "to_port": 0, "sources": ["self"]},
                        {"direction": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "sources": ["0.0.0.0/0"]},
                    ]},
                )

    def listeners(self) -> None:
        plan = self.plan
        for raw in plan.of_type("aws_lb_listener", "aws_alb_listener"):
            v = raw.values
            lb = plan.ref(raw, "load_balancer_arn", ("aws_lb", "aws_alb"))
            actions = _blocks(v, "default_action")
            redirect = any(a.get("type") == "redirect" and _block(a, "redirect").get("protocol") == "HTTPS" for a in actions)
            self.add(raw, "listener", {"protocol": v.get("protocol"), "port": v.get("port"),
                                       "redirects_to_https": redirect,
                                       "internal": lb.values.get("internal") if lb else None,
                                       "ssl_policy": v.get("ssl_policy")})

    # -- keys, backup, config, budgets ----------------------------------------------------
    def misc(self) -> None:
        plan = self.plan
        for raw in plan.of_type("aws_kms_key"):
            spec = raw.values.get("customer_master_key_spec") or "SYMMETRIC_DEFAULT"
            self.add(raw, "key", {"customer_managed": True, "rotation": raw.values.get("enable_key_rotation", False),
                                  "symmetric": spec == "SYMMETRIC_DEFAULT"})
        for raw in plan.of_type("aws_config_configuration_recorder"):
            group = _block(raw.values, "recording_group")
            status = [s for s in plan.of_type("aws_config_configuration_recorder_status")
                      if plan.ref(s, "name", ("aws_config_configuration_recorder",)) is raw]
            self.add(raw, "config_recorder", {
                "all_resources": group.get("all_supported", True) if group else True,
                "enabled": bool(status[0].values.get("is_enabled")) if status else None,
            })
        for raw in plan.of_type("aws_budgets_budget"):
            notes = _blocks(raw.values, "notification")
            subscribed = [n for n in notes if n.get("subscriber_email_addresses") or n.get("subscriber_sns_topic_arns")
                          or plan.refs(raw, "notification")]
            self.add(raw, "budget", {"limit": raw.values.get("limit_amount"), "unit": raw.values.get("limit_unit"),
                                     "notifications": len(subscribed)})
        for raw in plan.of_type("aws_backup_plan"):
            rules = _blocks(raw.values, "rule")
            self.add(raw, "backup_plan", {"rules": len(rules),
                                          "retention_days": max((_block(r, "lifecycle").get("delete_after") or 0 for r in rules), default=0)})


_BLOCK_FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")


def _rule(block: dict[str, Any], direction: str) -> dict[str, Any]:
    sources = [*(block.get("cidr_blocks") or []), *(block.get("ipv6_cidr_blocks") or [])]
    if block.get("self"):
        sources.append("self")
    return {"direction": direction, "protocol": str(block.get("protocol", "-1")),
            "from_port": block.get("from_port"), "to_port": block.get("to_port"), "sources": sources}


def _nested_value(values: dict[str, Any], attr: str) -> Any:
    value = values.get(attr)
    while isinstance(value, list | dict):
        if isinstance(value, list):
            value = value[0] if value else None
        else:
            found = [v for k, v in value.items() if "kms" in k and v]
            nested = [v for v in value.values() if isinstance(v, list | dict) and v]
            value = found[0] if found else (nested[0] if nested else None)
    return value


def _nested_unknown(unknown: dict[str, Any], attr: str) -> bool:
    return "kms" in json.dumps(unknown.get(attr)) if unknown.get(attr) else False


#: Words in a CloudWatch filter pattern or EventBridge pattern → the change category it alerts on
#: (가이드 제5장 2 8) 나. 추가 사항 / 6) 로깅 다.: 계정·권한·보안그룹, 네트워크 정책, 저장소).
_CHANGE_WORDS: dict[str, tuple[str, ...]] = {
    "iam": ("iam.amazonaws.com", "aws.iam", "Policy", "CreateUser", "DeleteUser", "CreateAccessKey",
            "AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy", "AddUserToGroup"),
    "security_group": ("SecurityGroup",),
    "network": ("NetworkAcl", "CreateRoute", "DeleteRoute", "ReplaceRoute", "RouteTable", "CreateVpc",
                "DeleteVpc", "ModifyVpcAttribute", "InternetGateway", "VpcPeering", "CustomerGateway"),
    "storage": ("PutBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl", "PutBucketPublicAccessBlock",
                "DeleteBucketPublicAccessBlock", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
                "s3.amazonaws.com", "aws.s3"),
}


def classify_changes(pattern: str) -> set[str]:
    """Which change categories a filter or event pattern alerts on, judged by the events it names."""
    found = set()
    for category, words in _CHANGE_WORDS.items():
        if category == "iam" and "Policy" in pattern and not any(
            w in pattern for w in ("iam", "UserPolicy", "RolePolicy", "GroupPolicy", "CreatePolicy", "DeletePolicy")
        ):
            continue
        if any(w in pattern for w in words):
            found.add(category)
    return found


def translate(plan: Plan, estate: Estate) -> None:
    """Fill ``estate`` with the neutral resources of ``plan``; non-AWS resources are ignored."""
    t = _Translator(plan, estate)
    t.iam()
    t.logging()
    t.buckets()
    subnet_vpc = t.network()
    t.compute(subnet_vpc)
    t.listeners()
    t.misc()
    aws_types = {r.type for r in plan.resources if r.type.startswith("aws_")}
    if not aws_types and plan.resources:
        kinds = sorted({r.type.split("_", 1)[0] for r in plan.resources})
        estate.notes.append(
            f"the plan holds no AWS resources (providers: {', '.join(kinds)}); "
            "export other providers to the inventory format"
        )
    estate.resources = list(t.out.values())
