#!/usr/bin/env python3
"""Lead's independent eval: runs the project's CLIs on the lead-written sets (never shown to helpers)."""
import json, subprocess, sys, collections
MAIN='/work/main'
def run(cmd, lines):
    p=subprocess.run(cmd, input='\n'.join(json.dumps(l) for l in lines)+'\n', capture_output=True, text=True, cwd=MAIN, shell=True)
    if p.returncode not in (0,1): print(p.stderr[-2000:]); sys.exit(1)
    return [json.loads(x) for x in p.stdout.splitlines() if x.strip()]
which=sys.argv[1] if len(sys.argv)>1 else 'both'
if which in ('deid','both'):
    rows=[json.loads(l) for l in open('/work/main/bench/data/lead/deid-lead.jsonl')]
    out={o['id']:o for o in run('npm run --silent deid -- --jsonl', [{'id':r['id'],'text':r['text']} for r in rows])}
    tot=left=0; keepTot=keepLost=0; misses=[]; over=[]
    for r in rows:
        red=out[r['id']]['redacted'].lower()
        for s in r['ids']:
            tot+=1
            # leaked if identifier's core (alnum) remains as a word in redacted text
            import re
            toks=[t for t in re.findall(r"[a-z0-9@._-]+", s.lower()) if len(t)>1 and t not in ('st','nw','apt','unit','at','box','po','rr','site','app','rue','dot','ave')]
            if any(re.search(r'(?<![a-z0-9])'+re.escape(t)+r'(?![a-z0-9])', red) for t in toks) or (len(s)==1 and re.search(r'(?<![a-z])'+s.lower()+r'(?![a-z])', red.replace('lil d','lil d'))):
                left+=1; misses.append((r['id'], s, out[r['id']]['redacted']))
        for k in r['keep']:
            keepTot+=1
            if k.lower() not in red: keepLost+=1; over.append((r['id'],k,out[r['id']]['redacted']))
    print(f"DEID lead set: identifiers {tot}, caught {tot-left} ({100*(tot-left)/tot:.1f}%), keep-words lost {keepLost}/{keepTot}")
    for m in misses: print('  MISS', m)
    for m in over: print('  OVER', m)
if which in ('screen','both'):
    rows=[json.loads(l) for l in open('/work/main/bench/data/lead/screen-lead.jsonl')]
    out={o['id']:o for o in run('npm run --silent screen -- --jsonl', [{'id':r['id'],'text':r['text']} for r in rows])}
    per=collections.Counter(); hit=collections.Counter(); fp=0; neg=0; anyrisk=0; anyhit=0
    for r in rows:
        o=out[r['id']]
        if not r['kinds']:
            neg+=1; fp+= o['risk']
            if o['risk']: print('  FP', r['id'], r['text'], o['kinds'])
        else:
            anyrisk+=1; anyhit+=o['risk']
            if not o['risk']: print('  MISS', r['id'], r['text'])
            for k in r['kinds']:
                per[k]+=1; hit[k]+= k in o['kinds']
    print(f"SCREEN lead set: risk flagged {anyhit}/{anyrisk} ({100*anyhit/anyrisk:.0f}%), FP {fp}/{neg} ({100*fp/neg:.0f}%)")
    for k in per: print(f"  {k}: {hit[k]}/{per[k]}")
