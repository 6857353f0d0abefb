"""scikit-learn's MLPClassifier with its defaults on the letter-like table, standardized as
the workbench does (StandardScaler on the training rows). With split.json (written by
letter-phases.ts) it holds out the workbench run's own test rows; without, an 80/20
stratified split of its own.
Prints one JSON line: fit wall and CPU seconds, iterations, held-out accuracy.
Run: /usr/bin/python3 bench/letter/sklearn-mlp.py <letter.csv> [split.json]
"""
import json, sys, time, warnings
import numpy as np
import sklearn
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings('ignore')  # ConvergenceWarning at max_iter=200, as a default user sees it
d = np.genfromtxt(sys.argv[1], delimiter=',', skip_header=1, dtype=str)
X, y = d[:, :-1].astype(float), d[:, -1]
if len(sys.argv) > 2:
    test = np.array(json.load(open(sys.argv[2]))['test'])
    train = np.setdiff1d(np.arange(len(y)), test)
    Xtr, Xte, ytr, yte = X[train], X[test], y[train], y[test]
else:
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)
sc = StandardScaler().fit(Xtr)
cpu, wall = time.process_time(), time.time()
m = MLPClassifier(random_state=0).fit(sc.transform(Xtr), ytr)
print(json.dumps({'sklearn': sklearn.__version__, 'fitSeconds': time.time() - wall, 'fitCpuSeconds': time.process_time() - cpu,
                  'iterations': int(m.n_iter_), 'accuracy': float(m.score(sc.transform(Xte), yte)), 'sameSplit': len(sys.argv) > 2}))
