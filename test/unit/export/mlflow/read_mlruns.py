"""Reads an mlruns/ folder the way MLflow's file stores do (PyYAML safe_load of
each meta.yaml, int status, metric lines "timestamp value step", params and
tags as file contents, aliases as files holding a version) and prints what it
found as JSON. MLflow is not installable here; this follows the read paths of
mlflow/store/tracking/file_store.py and mlflow/store/model_registry/file_store.py.

Usage: python3 read_mlruns.py <mlruns dir>
"""
import json
import os
import sys

import yaml


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def metric_lines(path):
    out = []
    for line in read_text(path).splitlines():
        parts = line.strip().split(" ")
        out.append({"timestamp": int(parts[0]), "value": float(parts[1]), "step": int(parts[2]) if len(parts) == 3 else 0})
    return out


def files_of(folder):
    if not os.path.isdir(folder):
        return {}
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            found[rel] = read_text(os.path.join(root, name))
    return found


def main(root):
    experiments = []
    for exp_id in sorted(os.listdir(root)):
        exp_dir = os.path.join(root, exp_id)
        if exp_id == "models" or not os.path.isdir(exp_dir):
            continue
        meta = read_yaml(os.path.join(exp_dir, "meta.yaml"))
        runs = []
        for run_id in sorted(os.listdir(exp_dir)):
            run_dir = os.path.join(exp_dir, run_id)
            if not os.path.isdir(run_dir) or run_id == "tags":
                continue
            run_meta = read_yaml(os.path.join(run_dir, "meta.yaml"))
            metrics_dir = os.path.join(run_dir, "metrics")
            runs.append({
                "folder": run_id,
                "meta": run_meta,
                "params": files_of(os.path.join(run_dir, "params")),
                "tags": files_of(os.path.join(run_dir, "tags")),
                "metrics": {name: metric_lines(os.path.join(metrics_dir, name)) for name in sorted(os.listdir(metrics_dir))},
                "artifacts": sorted(files_of_names(os.path.join(run_dir, "artifacts"))),
            })
        experiments.append({"folder": exp_id, "meta": meta, "runs": runs})
    models = []
    models_dir = os.path.join(root, "models")
    for name in sorted(os.listdir(models_dir)) if os.path.isdir(models_dir) else []:
        model_dir = os.path.join(models_dir, name)
        versions = []
        for entry in sorted(os.listdir(model_dir)):
            if entry.startswith("version-"):
                vdir = os.path.join(model_dir, entry)
                versions.append({"folder": entry, "meta": read_yaml(os.path.join(vdir, "meta.yaml")), "tags": files_of(os.path.join(vdir, "tags"))})
        aliases = {alias: int(value) for alias, value in files_of(os.path.join(model_dir, "aliases")).items()}
        models.append({"folder": name, "meta": read_yaml(os.path.join(model_dir, "meta.yaml")), "tags": files_of(os.path.join(model_dir, "tags")), "aliases": aliases, "versions": versions})
    print(json.dumps({"experiments": experiments, "models": models}))


def files_of_names(folder):
    names = []
    for root, _, files in os.walk(folder):
        for name in files:
            names.append(os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/"))
    return names


if __name__ == "__main__":
    main(sys.argv[1])
