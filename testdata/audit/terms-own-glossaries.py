# The term-missing audit's termbases (cncf-glossary-terms.md): each site's
# own glossary as CSV glossaries, English source, one file per language.
# opentelemetry.io: the glossary page's headings, paired across languages
# by their anchor (content/{lang}/docs/concepts/glossary.md); «X（Y、Z）»
# gives X, Y and Z. withastro/docs: the tables of i18n-guides/*.md (English
# term | the language's term), a term marked not to translate kept as
# itself, «?» (undecided) left out, «a / b», «a ou b» split. Run on copies
# of the repositories at /tmp/terms2-otel and /tmp/terms2-astro; it writes
# terms-own/en-{lang}.csv there.
import re, os, csv, sys, glob
def slug(s): return re.sub(r'[^a-z0-9]+','-',s.lower()).strip('-')
def split_alts(t):
    t=t.strip()
    out=[]
    m=re.match(r'^(.*?)[（(](.*)[）)]\s*$',t)
    if m:
        out.append(m.group(1).strip())
        out += [x.strip() for x in re.split(r'[、,，/]',m.group(2))]
    else:
        out += [x.strip() for x in re.split(r'\s+/\s+|、|／|\s+ou\s+|\s+oder\s+|\s+o\s+|\s+или\s+',t)]
    return [x for x in out if x]
def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path,'w',newline='') as f:
        w=csv.writer(f); w.writerow(['source','target'])
        seen=set()
        for r in rows:
            if r in seen or not r[0] or not r[1]: continue
            seen.add(r); w.writerow(r)
# opentelemetry.io: glossary headings paired by anchor
otel='/tmp/terms2-otel'
def heads(p):
    d={}
    for line in open(p):
        m=re.match(r'^###\s+(.*?)\s*(?:\{#([^}]+)\})?\s*$',line)
        if m: d[m.group(2) or slug(m.group(1))]=m.group(1)
    return d
en=heads(f'{otel}/content/en/docs/concepts/glossary.md')
cfg=[]
for p in sorted(glob.glob(f'{otel}/content/*/docs/concepts/glossary.md')):
    lang=p.split('/')[-4]
    if lang=='en': continue
    rows=[]
    for k,t in heads(p).items():
        if k in en:
            for a in split_alts(t): rows.append((en[k],a))
    write(f'{otel}/terms-own/en-{lang}.csv', rows); cfg.append((lang,len(rows)))
print('otel',cfg)
# withastro/docs: i18n-guides tables (English term | the language's term)
astro='/tmp/terms2-astro'
guides={'deutsch':'de','français':'fr','italiano':'it','português-do-brasil':'pt-br','russian':'ru','العربية':'ar','日本語':'ja','正體中文':'zh-tw','简体中文':'zh-cn','한국어':'ko'}
acfg=[]
for name,lang in guides.items():
    rows=[]
    lines=open(f'{astro}/i18n-guides/{name}.md').read().split('\n')
    header=None
    for i,line in enumerate(lines):
        cells=[c.strip() for c in line.strip().strip('|').split('|')]
        if not line.strip().startswith('|'): header=None; continue
        if len(cells)<2 or set(cells[0])<=set('-: '): continue
        if i+1<len(lines) and set(lines[i+1].replace('|','').strip())<=set('-: ') and lines[i+1].strip():
            header=cells; continue
        if header and re.search(r'(?i)notes|condition|définition|definizione|defini|说明$',header[1]): continue
        src=re.sub(r'\[([^\]]+)\]\([^)]*\)',r'\1',cells[0]).strip('`* ')
        tgt=re.sub(r'\[([^\]]+)\]\([^)]*\)',r'\1',cells[1]).strip('`* ')
        if re.fullmatch(r'[*_]?(不翻译|不翻譯|번역하지 않음|翻訳しない|non tradotto|nicht übersetzen|ne pas traduire|no traducir|\\?-)[*_]?',cells[1].strip()) or cells[1].strip() in ('\\-','-'):
            tgt=src
        if not re.fullmatch(r'[A-Za-z][A-Za-z0-9 .\'-]*',src) or not tgt or len(tgt)>40: continue
        if tgt in ('?','？') or tgt.startswith('*') or tgt.startswith('\\') or re.search(r'[.:-]$',tgt): continue
        for a in split_alts(tgt): rows.append((src,a))
    write(f'{astro}/terms-own/en-{lang}.csv', rows); acfg.append((lang,len(rows)))
print('astro',acfg)
