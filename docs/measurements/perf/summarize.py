import csv,sys,statistics,collections
rows=list(csv.DictReader(open(sys.argv[1])))
g=collections.defaultdict(list); loads=[]
for r in rows:
    g[(r['piece'],r['B'],r['N'],r['causal'])].append(float(r['median_ms'])); loads.append(float(r['load_before']))
lin={}
for (p,b,n,c),v in g.items():
    if p=='linear': lin[(b,n,c)]=statistics.median(v)
print('load average during the run: %.0f-%.0f'%(min(loads),max(loads)))
print('| piece | B | N | causal | CPU ms (median of 3 repeats, each a median of rounds) | repeats | x linear |')
print('|---|---|---|---|---|---|---|')
for (p,b,n,c),v in g.items():
    m=statistics.median(v)
    print('| %s | %s | %s | %s | %.1f | %s | %.2f |'%(p,b,n,c,m,' / '.join('%.1f'%x for x in v),m/lin[(b,n,c)]))
