#!/usr/bin/env python3
"""Writes the request paths of the public-query load run from an import CSV (`certguard import-sample`).

90 % genuine (number and name of a row), 5 % a real number with a wrong name, 5 % a well-formed ID number that no row
has. Usage: public-paths.py big.csv paths.txt [count]
"""
import csv
import random
import sys
import urllib.parse

WEIGHTS = "7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2".split()
CHECK = "10X98765432"


def check_character(first17: str) -> str:
    return CHECK[sum(int(d) * int(w) for d, w in zip(first17, WEIGHTS)) % 11]


def path(number: str, name: str) -> str:
    return "/api/v1/public/verify?" + urllib.parse.urlencode({"no": number, "name": name})


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    rng = random.Random(20180710)
    with open(source, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        number_at = next(i for i, h in enumerate(header) if "证号" in h or "身份证" in h or h.lower() in ("number", "no"))
        name_at = next(i for i, h in enumerate(header) if "姓名" in h or h.lower() in ("name", "holdername"))
        sample, numbers = [], set()
        for seen, row in enumerate(reader):
            numbers.add(row[number_at])
            if len(sample) < count:
                sample.append((row[number_at], row[name_at]))
            elif (j := rng.randrange(seen + 1)) < count:
                sample[j] = (row[number_at], row[name_at])
    lines = [path(n, m) for n, m in sample[: count * 90 // 100]]
    lines += [path(n, "王某某") for n, _ in sample[count * 90 // 100: count * 95 // 100]]
    while len(lines) < count:
        first17 = f"650102{rng.randrange(1960, 2000)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{rng.randrange(1000):03d}"
        number = first17 + check_character(first17)
        if number not in numbers:
            lines.append(path(number, "张三"))
    rng.shuffle(lines)
    with open(target, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
