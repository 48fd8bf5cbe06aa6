#!/usr/bin/env bash
# Completeness of web watch's look-alike generator against dnstwist's fuzzers (Debian package dnstwist, which only
# lists permutations here: `-f list` does no DNS). Prints, per domain and fuzzer, how many of dnstwist's names we make.
#   apt-get install dnstwist && bench/lookalikes-vs-dnstwist.sh mem.gov.cn cx.mem.gov.cn yjgl.gd.gov.cn
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
dotnet build bench/CertGuard.Benchmarks -c Release --nologo -v q >/dev/null
run() { dotnet bench/CertGuard.Benchmarks/bin/Release/net10.0/CertGuard.Benchmarks.dll lookalikes "$@"; }
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
printf '| domain | fuzzer | dnstwist | also ours | missing (first few) |\n| --- | --- | ---: | ---: | --- |\n'
for domain in "${@:-mem.gov.cn}"; do
    for fuzzer in addition bitsquatting cyrillic homoglyph hyphenation insertion omission plural repetition replacement subdomain transposition vowel-swap various; do
        dnstwist -f list --fuzzers "$fuzzer" "$domain" >"$tmp" 2>/dev/null || true
        read -r covered total _ours missing < <(run "$domain" "$tmp")
        printf '| %s | %s | %s | %s | %s |\n' "$domain" "$fuzzer" "$total" "$covered" "${missing:-}"
    done
    dnstwist -f list "$domain" >"$tmp"
    read -r covered total ours _ < <(run "$domain" "$tmp")
    printf '| %s | **all** | %s | %s | (ours: %s names) |\n' "$domain" "$total" "$covered" "$ours"
done
