"""One NER training trial with any TrainConfig field (the CLI exposes only some of them).

    nice -n 5 .venv/bin/python scripts/ner_trial.py OUT_DIR '{"passes": 1, "max_iterations": 150,
        "triggers": false, "final_on_all": false}'

Same protocol as `marsad train ner`: dev = the last 15% of train.txt, never trained on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.entities.ner.train import TrainConfig, train_ner  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"


def main() -> None:
    out = Path(sys.argv[1])
    overrides = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    config = TrainConfig(**{"final_on_all": False, **overrides})
    metrics = train_ner(DATA, out, config)
    print(json.dumps({"out": str(out), "dev_f1": metrics.get("dev_f1"), "config": overrides}))


if __name__ == "__main__":
    main()
