#!/usr/bin/env python3
"""Builds the bundled sample portal data: data/sample/jobs.jsonl and data/sample/candidates.jsonl
(profile JSONL, docs/profiles.md) from the derived public data in ../shared/data/it.

    python3 scripts/make_sample_data.py --data /work/shared/data/it --out data/sample

Deterministic: one fixed seed (--seed, default 20211217, the date of the news item the project starts
from), no set/dict-hash iteration order, sorted inputs; rerunning gives the same bytes.
Only this script reads the shared data; the outputs are committed, so the build never needs it.

Jobs: real skill lists of real postings (skill2vec, MIT), kept as written; employer attributes synthetic.
Candidates: synthetic people drawn from O*NET 29.3 IT occupations (CC BY 4.0): technologies, skills and
knowledge, alternate titles of the occupation, written the way resumes write them; attributes synthetic.
"""
import argparse
import csv
import json
import math
import os
import random
import re
import sys
import unicodedata

DEFAULT_SEED = 20211217

# ---------------------------------------------------------------------------------------------------
# Attribute vocabularies (documented in docs/profiles.md and data/sample/*.schema.json)
JLPT_LEVELS = ["N5", "N4", "N3", "N2", "N1"]            # easiest .. hardest
JOB_JLPT_LEVELS = ["none"] + JLPT_LEVELS                 # a job states "no Japanese needed" explicitly
JP_LOCATIONS = ["Tokyo", "Osaka", "Fukuoka", "Nagoya", "Yokohama"]
PK_LOCATIONS = ["Lahore", "Karachi", "Islamabad", "Rawalpindi", "Faisalabad", "Peshawar", "Multan"]
DEGREES = ["bachelor", "master", "phd"]                  # absent = no degree (diploma, self-taught)

# ---------------------------------------------------------------------------------------------------
# Jobs: which postings belong to the mission areas. Order matters: the first area that matches wins.
AREA_PATTERNS = [
    ("animation_3d", r"\banimat(?:ion|or|ions)\b|\bmaya\b|3ds ?max|\b3d ?max\b|zbrush|"
                     r"\bblender\b|\bunity ?3d\b|\bunity\b|unreal|after ?effects|motion graphics|visual effects|"
                     r"\bvfx\b|texturing|rigging|compositing|\bgame(?:s| development| engineer)?\b|3d model"),
    ("ai_ml", r"machine[ _-]?learning|deep[ _-]?learning|tensorflow|keras|pytorch|\bnlp\b|natural language|"
              r"data scien|artificial[ _-]intelligence|computer vision|neural net|\bml\b|opencv|"
              r"scikit|image processing|predictive model"),
    ("cloud", r"\baws\b|amazon web|\bazure\b|\bcloud|devops|docker|kubernetes|\bgcp\b|openstack|terraform|"
              r"ansible|\bec2\b|\bs3\b|saas"),
    ("programming", r"java|python|php|\.net|c\+\+|android|\bios\b|react|angular|node|ruby|golang|c#|"
                    r"javascript|django|spring|laravel|swift|kotlin|scala"),
]
AREA_TARGETS = {"ai_ml": 70, "cloud": 70, "animation_3d": 40, "programming": 85, "other": 35}
MAX_JOB_SKILLS = 20  # a few postings list 40+ keyword tags; keep the first 20 as the posting wrote them

# A posting's skill list sometimes starts with the job title itself ("Full Stack Developer", "iOS Engineer").
TITLE_WORDS = r"(developer|engineer|architect|analyst|designer|animator|artist|scientist|administrator|" \
              r"programmer|consultant|tester|specialist|visualiser|visualizer|modeler|modeller|executive)"
TITLE_RE = re.compile(r"^[\w .+#/-]{0,40}\b" + TITLE_WORDS + r"$", re.IGNORECASE)

# Japanese labels: each is an alternative label in data/taxonomy/skillmatch_curated.tsv, so it resolves.
JA_SKILLS = {
    "machine learning": "機械学習", "deep learning": "深層学習", "artificial intelligence": "人工知能",
    "ai": "人工知能", "computer vision": "コンピュータビジョン", "image processing": "画像認識",
    "nlp": "自然言語処理", "natural language processing": "自然言語処理", "data science": "データサイエンス",
    "python": "パイソン", "java": "ジャバ", "javascript": "ジャバスクリプト", "typescript": "タイプスクリプト",
    "cloud": "クラウドコンピューティング", "cloud computing": "クラウドコンピューティング",
    "cloud technologies": "クラウド技術", "aws": "アマゾンウェブサービス", "azure": "アジュール",
    "docker": "ドッカー", "kubernetes": "クバネティス", "linux": "リナックス", "git": "ギット",
    "maya": "マヤ", "blender": "ブレンダー", "photoshop": "フォトショップ", "after effects": "アフターエフェクツ",
    "unity": "ユニティ", "unity3d": "ユニティ", "animation": "アニメーション", "3d modeling": "3Dモデリング",
    "3d modelling": "3Dモデリング", "programming": "プログラミング", "database": "データベース",
    "networking": "ネットワーク", "web development": "ウェブプログラミング", "excel": "エクセル",
}
JA_TITLES = {
    "15-1252.00": ["ソフトウェアエンジニア", "ソフトウェア開発者"], "15-1251.00": ["プログラマー"],
    "15-1211.00": ["システムエンジニア"], "15-1299.08": ["システムアーキテクト"],
    "15-1212.00": ["情報セキュリティアナリスト"], "15-1241.00": ["ネットワークエンジニア"],
    "15-1244.00": ["ネットワーク管理者"], "15-1242.00": ["データベース管理者"],
    "15-1254.00": ["Webエンジニア", "ウェブ開発者"], "15-1255.00": ["ウェブデザイナー"],
    "15-2051.00": ["データサイエンティスト"], "27-1014.00": ["アニメーター", "CGクリエイター"],
}
AREA_TITLES = {"ai_ml": "Machine Learning Engineer", "cloud": "Cloud Engineer", "animation_3d": "3D Artist",
               "programming": "Software Engineer", "other": "IT Engineer"}  # when nothing overlaps O*NET
JA_AREA_TITLES = {"ai_ml": "機械学習エンジニア", "cloud": "クラウドエンジニア", "animation_3d": "3DCGアーティスト"}

# ---------------------------------------------------------------------------------------------------
# Candidates: occupation mix (weights), favouring the mission areas: software, AI/data, web, network and
# cloud, animation. Every other IT occupation keeps a small weight so the sample is not too clean.
OCCUPATION_WEIGHTS = {
    "15-1252.00": 26,  # Software Developers
    "15-2051.00": 10,  # Data Scientists
    "15-1254.00": 12,  # Web Developers
    "15-1251.00": 5,   # Computer Programmers
    "15-1221.00": 4,   # Computer and Information Research Scientists (AI research)
    "15-1299.08": 5,   # Computer Systems Engineers/Architects (cloud architects)
    "15-1241.00": 4,   # Computer Network Architects
    "15-1244.00": 5,   # Network and Computer Systems Administrators
    "27-1014.00": 7,   # Special Effects Artists and Animators
    "15-1255.01": 2,   # Video Game Designers
    "15-1255.00": 3,   # Web and Digital Interface Designers
    "15-1253.00": 4,   # Software Quality Assurance Analysts and Testers
    "15-1212.00": 2,   # Information Security Analysts
    "15-1242.00": 2,   # Database Administrators
    "15-1243.00": 1,   # Database Architects
    "15-2051.01": 2,   # Business Intelligence Analysts
    "15-1211.00": 2,   # Computer Systems Analysts
    "15-1232.00": 1,   # Computer User Support Specialists
    "15-1231.00": 1,   # Computer Network Support Specialists
    "15-1299.07": 1,   # Blockchain Engineers
    "15-1299.05": 1,   # Information Security Engineers
    "17-2199.08": 1,   # Robotics Engineers
    "27-1024.00": 1,   # Graphic Designers
}
OCC_PREMIUM = {"15-2051.00": 1.2, "15-1221.00": 1.25, "15-1299.08": 1.15, "15-1241.00": 1.1,
               "15-1299.07": 1.15, "15-1299.05": 1.1, "15-1232.00": 0.85, "15-1231.00": 0.9,
               "27-1024.00": 0.85, "27-1014.00": 0.95}

# How people write O*NET technology names on a resume. Keys are O*NET Technology Skills examples;
# an entry is used only if its key occurs in the data.
RESUME_ALIASES = {
    "Microsoft Excel": ["MS Excel", "Excel", "Advanced Excel"],
    "Microsoft Word": ["MS Word", "Word"],
    "Microsoft PowerPoint": ["MS PowerPoint", "Powerpoint"],
    "Microsoft Office software": ["MS Office", "Microsoft Office"],
    "Amazon Web Services AWS software": ["AWS", "Amazon Web Services", "aws cloud"],
    "Microsoft Azure software": ["Azure", "MS Azure", "Microsoft Azure"],
    "Google Cloud software": ["GCP", "Google Cloud", "Google Cloud Platform"],
    "Oracle Java": ["Java", "JAVA", "Core Java", "Java 8"],
    "Node.js": ["nodejs", "Node.JS", "Node", "node js"],
    "JavaScript": ["JS", "Javascript", "java script"],
    "React": ["ReactJS", "React.js", "react js"],
    "React Native": ["react-native", "ReactNative"],
    "Vue.js": ["VueJS", "Vue"],
    "Google Angular": ["Angular", "AngularJS", "Angular 8"],
    "Microsoft SQL Server": ["MS SQL", "SQL Server", "MSSQL"],
    "Structured query language SQL": ["SQL", "sql"],
    "PostgreSQL": ["Postgres", "postgre sql"],
    "MongoDB": ["Mongo DB", "mongo"],
    "Scikit-learn": ["sklearn", "scikit learn"],
    "PyTorch": ["Pytorch", "torch"],
    "TensorFlow": ["Tensorflow", "tensor flow"],
    "The MathWorks MATLAB": ["Matlab", "MATLAB"],
    "Autodesk Maya": ["Maya", "MAYA"],
    "Autodesk 3ds Max": ["3ds Max", "3DS MAX", "3dsmax"],
    "Adobe Photoshop": ["Photoshop", "Adobe PS"],
    "Adobe After Effects": ["After Effects", "AfterEffects"],
    "Adobe Illustrator": ["Illustrator", "Adobe Illustrator CC"],
    "Unity Technologies Unity": ["Unity", "Unity3D", "Unity 3D"],
    "Unreal Technology Unreal Engine": ["Unreal Engine", "UE4", "Unreal"],
    "Pixologic Zbrush": ["ZBrush", "Z-Brush"],
    "Git": ["git", "GIT"],
    "GitHub": ["Github", "git hub"],
    "Kubernetes": ["k8s", "kubernetes"],
    "C#": ["C Sharp", "C#.NET"],
    "C++": ["cpp", "CPP", "C/C++"],
    "Microsoft .NET Framework": [".NET", "dot net", ".Net Framework"],
    "Microsoft Visual Studio": ["Visual Studio", "VS 2019"],
    "Python": ["python", "Python3", "Python 3"],
    "Hypertext markup language HTML": ["HTML", "HTML5", "html"],
    "Cascading style sheets CSS": ["CSS", "CSS3"],
    "Apache Hadoop": ["Hadoop"],
    "Apache Spark": ["Spark"],
    "Apache Kafka": ["Kafka"],
    "Amazon Elastic Compute Cloud EC2": ["EC2", "AWS EC2"],
    "Amazon Simple Storage Service S3": ["S3", "AWS S3"],
    "Jenkins CI": ["Jenkins"],
    "Atlassian JIRA": ["Jira", "JIRA"],
    "Atlassian Confluence": ["Confluence"],
    "Red Hat Enterprise Linux": ["RHEL", "Redhat Linux"],
    "Microsoft Power BI": ["PowerBI", "Power BI"],
    "Ansible software": ["Ansible"],
    "IBM Terraform": ["Terraform"],
    "JavaScript Object Notation JSON": ["JSON", "json"],
    "Extensible markup language XML": ["XML"],
    "Shell script": ["shell scripting", "Bash scripting"],
    "Microsoft Windows Server": ["Windows Server"],
    "Cisco Systems CiscoWorks": ["CiscoWorks"],
    "Hugging Face": ["HuggingFace", "Hugging Face Transformers"],
}
# Real Stack Overflow tags (checked against so_tags.tsv at run time) for names the crosswalk lacks.
SO_TAGS_EXTRA = {
    "Amazon Web Services AWS software": "amazon-web-services", "Microsoft Azure software": "azure",
    "Google Cloud software": "google-cloud-platform", "Node.js": "node.js", "React": "reactjs",
    "Google Angular": "angularjs", "Scikit-learn": "scikit-learn", "PyTorch": "pytorch",
    "TensorFlow": "tensorflow", "Unity Technologies Unity": "unity3d", "Autodesk 3ds Max": "3dsmax",
    "Adobe After Effects": "after-effects", "Apache Spark": "apache-spark", "Apache Kafka": "apache-kafka",
    "Jenkins CI": "jenkins", "Microsoft SQL Server": "sql-server",
}
# Vendor words people drop ("Adobe Photoshop" -> "Photoshop"); only dropped when a name remains.
VENDOR_WORDS = ["The MathWorks", "Unity Technologies", "Red Hat", "Microsoft", "Adobe", "Autodesk", "Apache",
                "Oracle", "IBM", "Amazon", "Google", "Atlassian", "Apple", "SAP", "Pixologic", "Maxon", "Corel",
                "Cisco Systems", "VMware", "Salesforce", "Epic Games", "Unreal Technology"]
VENDOR_KEEP = {"Google Sites", "Google Docs", "Google Drive", "Apple Pages", "Apple Safari", "Oracle Database", "Microsoft Project", "Apache Subversion SVN"}

FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}
FULLWIDTH[" "] = "\u3000"


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def norm(text):
    """Comparison key for matching posting text to O*NET names: NFKC, case-folded, _ and - as spaces."""
    t = unicodedata.normalize("NFKC", text).casefold().replace("_", " ").replace("-", " ")
    return " ".join(t.split())


def weighted_choice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def weighted_sample(rng, items, weights, k):
    """k distinct items, each draw proportional to weight (Efraimidis-Spirakis keys; deterministic)."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights)), reverse=True)
    return [items[i] for _, i in keyed[:k]]


def round_to(x, step):
    return int(round(x / step) * step)


# ---------------------------------------------------------------------------------------------------
class OnetData:
    def __init__(self, it_dir):
        self.occupations = {r["soc_code"]: r for r in read_tsv(os.path.join(it_dir, "onet_it_occupations.tsv"))}
        self.tech = {}
        for r in read_tsv(os.path.join(it_dir, "onet_it_technology_skills.tsv")):
            self.tech.setdefault(r["soc_code"], []).append(r)
        self.alt_titles = {}
        for r in read_tsv(os.path.join(it_dir, "onet_it_alternate_titles.tsv")):
            self.alt_titles.setdefault(r["soc_code"], []).append(r)
        self.reported = {}
        for r in read_tsv(os.path.join(it_dir, "onet_it_reported_titles.tsv")):
            self.reported.setdefault(r["soc_code"], []).append(r)
        self.skills_knowledge = {}
        for r in read_tsv(os.path.join(it_dir, "onet_it_skills_knowledge.tsv")):
            self.skills_knowledge.setdefault(r["soc_code"], []).append(r)
        self.so_tags = {r["tag"] for r in read_tsv(os.path.join(it_dir, "so_tags.tsv"))}
        self.crosswalk = {}
        for r in read_tsv(os.path.join(it_dir, "onet_tech_so_tag_crosswalk.tsv")):
            tag = r["so_tag"]
            tokens = norm(r["example"]).split()
            # The crosswalk is heuristic; keep a tag only if every word of it is a word of the name.
            if tag not in ("database", "project", "server") and all(w in tokens for w in tag.split("-")):
                self.crosswalk[r["example"]] = tag
        for example, tag in sorted(SO_TAGS_EXTRA.items()):
            if tag not in self.so_tags:
                sys.exit(f"SO_TAGS_EXTRA: {tag!r} is not a Stack Overflow tag in so_tags.tsv")
            self.crosswalk[example] = tag


def short_forms(example):
    """Shorter names derived by rule: trailing 'software' dropped, trailing acronym, vendor dropped."""
    forms = []
    name = re.sub(r"\s+software$", "", example)
    if name != example:
        forms.append(name)
    tokens = name.split()
    if len(tokens) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", tokens[-1]):
        forms.append(tokens[-1])                           # "Extensible markup language XML" -> "XML"
    if example not in VENDOR_KEEP:
        for vendor in VENDOR_WORDS:
            if name.startswith(vendor + " ") and len(name) > len(vendor) + 2:
                forms.append(name[len(vendor) + 1:])
                break
    return [f for f in dict.fromkeys(forms) if f != example]


def typo(rng, text):
    """One keyboard slip in a word of 5+ letters: swap, drop or double a letter."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    p = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:p] + w[p + 1] + w[p] + w[p + 2:]
    elif kind == 1:
        w = w[:p] + w[p + 1:]
    else:
        w = w[:p] + w[p] + w[p:]
    words[i] = w
    return " ".join(words)


def resume_spelling(rng, example, onet, counts):
    """How a person might write this O*NET technology on a resume; counts records which noise was applied."""
    forms = [(example, 3.0)]
    aliases = RESUME_ALIASES.get(example, [])
    for a in aliases:
        forms.append((a, 5.0 / len(aliases)))
    derived = [f for f in short_forms(example) if f not in aliases]
    for f in derived:
        forms.append((f, 3.0 / len(derived)))
    tag = onet.crosswalk.get(example)
    if tag and tag != example:
        forms.append((tag, 0.6))
    text = weighted_choice(rng, [f for f, _ in forms], [w for _, w in forms])
    kind = "as_onet" if text == example else ("so_tag" if text == tag else "alias_or_short")
    counts[kind] = counts.get(kind, 0) + 1
    r = rng.random()
    if r < 0.12:
        text = text.lower()
        counts["lowercase"] = counts.get("lowercase", 0) + 1
    elif r < 0.14 and len(text) <= 8:
        text = text.upper()
        counts["uppercase"] = counts.get("uppercase", 0) + 1
    if rng.random() < 0.03:
        t2 = typo(rng, text)
        if t2 != text:
            text = t2
            counts["typo"] = counts.get("typo", 0) + 1
    return text


# ---------------------------------------------------------------------------------------------------
def job_area(skills_lower):
    joined = " | ".join(skills_lower)
    for area, pattern in AREA_PATTERNS:
        if re.search(pattern, joined.replace("core animation", "")):
            return area
    return "other"


class OccupationMatcher:
    """Best-overlapping O*NET IT occupation for a posting's skills, among the occupations candidates are drawn
    from (OCCUPATION_WEIGHTS): sum of the shared names' weights, idf x (0.3 + hot + 2 in-demand), divided by
    the square root of the occupation's weight norm. Without the division the broad occupations listing 300
    technologies win every posting; with full cosine normalisation the narrow ones (Biostatisticians) do."""

    def __init__(self, onet):
        self.weights = {}
        for soc in sorted(OCCUPATION_WEIGHTS):
            w = {}
            for r in onet.tech[soc]:
                ex = r["example"]
                imp = 0.3 + (r["hot_technology"] == "Y") + 2.0 * (r["in_demand"] == "Y")
                keys = [norm(ex)] + [norm(f) for f in short_forms(ex) + RESUME_ALIASES.get(ex, [])]
                if ex in onet.crosswalk:
                    keys.append(norm(onet.crosswalk[ex]))
                for k in keys:
                    w[k] = max(w.get(k, 0.0), imp)
            self.weights[soc] = w
        df = {}
        for soc in self.weights:
            for k in self.weights[soc]:
                df[k] = df.get(k, 0) + 1
        n = len(self.weights)
        self.norms = {}
        for soc, w in self.weights.items():
            for k in w:
                w[k] *= math.log(n / df[k]) + 0.1
            self.norms[soc] = math.sqrt(math.sqrt(sum(v * v for v in w.values())))

    def best(self, skills):
        keys = []
        for s in skills:
            k = norm(s)
            keys.append(k)
            keys.append(k.replace(" ", ""))
        keys = list(dict.fromkeys(keys))
        best_soc, best_score = None, 0.0
        for soc in sorted(self.weights):
            w = self.weights[soc]
            score = sum(w[k] for k in keys if k in w) / self.norms[soc]
            if score > best_score + 1e-12:
                best_soc, best_score = soc, score
        return best_soc, best_score


def singular_title(title):
    """'Computer Systems Analysts' -> 'Computer Systems Analyst' (O*NET occupation titles are plural)."""
    return re.sub(r"\b(\w+(?:er|ist|yst|or|ian|tect|ant))s\b", r"\1", title)


def onet_job_title(rng, onet, soc, skills):
    """An alternate title of the occupation that names one of the posting's skills ('Java Developer',
    'AngularJS Developer'), else the occupation's title in the singular."""
    keys = {norm(s) for s in skills if len(norm(s)) >= 2}
    hits = []
    for r in onet.alt_titles.get(soc, []):
        t = r["short_title"] or r["alternate_title"]
        words = norm(t)
        if len(t) <= 40 and any(re.search(r"(?<![\w+#.])" + re.escape(k) + r"(?![\w+#])", words)
                                for k in sorted(keys)):
            hits.append(t)
    if hits:
        return rng.choice(sorted(hits))
    return singular_title(onet.occupations[soc]["title"])


def make_jobs(rng, it_dir, onet):
    postings = read_tsv(os.path.join(it_dir, "skill2vec_it_postings.tsv"))
    postings.sort(key=lambda r: int(r["posting_id"]))
    by_area = {a: [] for a in AREA_TARGETS}
    for p in postings:
        skills = [s.strip() for s in p["skills"].split("|") if s.strip()]
        # Exact repeats (same text ignoring case) carry nothing; other variants stay as written.
        skills = list({s.casefold(): s for s in reversed(skills)}.values())[::-1]
        if len(skills) < 4:
            continue
        by_area[job_area([s.lower() for s in skills])].append((p["posting_id"], skills))
    picked = []
    for area in AREA_TARGETS:
        pool = by_area[area]
        k = min(AREA_TARGETS[area], len(pool))
        for pid, skills in sorted(rng.sample(pool, k), key=lambda x: int(x[0])):
            picked.append((area, pid, skills))

    matcher = OccupationMatcher(onet)
    jobs = []
    stats = {"title_from_posting": 0, "title_from_onet": 0, "japanese_title": 0, "japanese_skill": 0}
    for n, (area, pid, skills) in enumerate(picked, 1):
        skills = skills[:MAX_JOB_SKILLS]
        title = None
        for s in skills:
            if TITLE_RE.match(s) and len(s.split()) <= 5:
                title = s
                break
        soc, _score = matcher.best(skills)
        if title:
            skills = [s for s in skills if s != title]
            stats["title_from_posting"] += 1
        elif soc:
            title = onet_job_title(rng, onet, soc, skills)
            stats["title_from_onet"] += 1
        else:
            title = AREA_TITLES[area]
        if rng.random() < 0.08:
            ja = JA_TITLES.get(soc or "", []) + ([JA_AREA_TITLES[area]] if area in JA_AREA_TITLES else [])
            if ja:
                title = rng.choice(ja)
                stats["japanese_title"] += 1

        translate = rng.random() < 0.15
        n_required = rng.randint(2, 4)
        out_skills = []
        translated = 0
        used_ja = set()
        for i, s in enumerate(skills):
            name = s
            ja = JA_SKILLS.get(norm(s))
            if translate and translated < 2 and ja and ja not in used_ja:  # NLP and Natural Language
                name = ja                                                  # Processing: one label once
                used_ja.add(ja)
                translated += 1
            if i < n_required:
                obj = {"name": name, "required": True}
                if rng.random() < 0.4:
                    obj["years"] = rng.choice([1, 2, 2, 3, 3, 5])
                if rng.random() < 0.2:
                    obj["weight"] = 2
                out_skills.append(obj)
            elif rng.random() < 0.15:
                out_skills.append({"name": name, "weight": 0.5})
            elif rng.random() < 0.08:
                out_skills.append({"name": name, "level": rng.randint(2, 4)})
            else:
                out_skills.append(name)
        if translated:
            stats["japanese_skill"] += 1

        attrs = job_attributes(rng, area)
        job = {"id": f"J{n:05d}", "title": title, "skills": out_skills, "attributes": attrs,
               "_source_posting": f"skill2vec:{pid}", "_area": area}
        if soc:
            job["_onet_overlap"] = soc
        jobs.append(job)
    return jobs, stats


def job_attributes(rng, area):
    location = weighted_choice(rng, JP_LOCATIONS + ["Remote"], [46, 14, 9, 7, 10, 14])
    remote = location == "Remote"
    years_min = weighted_choice(rng, [0, 1, 2, 3, 5, 7, 10], [8, 14, 22, 26, 18, 9, 3])
    if remote:   # offshore work from Pakistan for a Japanese company: Japanese rarely required
        jlpt = weighted_choice(rng, JOB_JLPT_LEVELS, [60, 3, 17, 14, 5, 1])
    elif area == "ai_ml":  # AI teams in Japan are the most often English-speaking
        jlpt = weighted_choice(rng, JOB_JLPT_LEVELS, [42, 2, 10, 20, 20, 6])
    else:
        jlpt = weighted_choice(rng, JOB_JLPT_LEVELS, [20, 3, 12, 27, 30, 8])
    premium = {"ai_ml": 1.2, "cloud": 1.12, "animation_3d": 0.92, "programming": 1.0, "other": 0.95}[area]
    base = (3.6e6 + 0.5e6 * years_min) * premium * math.exp(rng.gauss(0, 0.12))
    if remote:
        base *= 0.6
    if jlpt in ("N2", "N1"):
        base *= 1.08
    sal_min = max(2_400_000, round_to(base, 100_000))
    sal_max = round_to(sal_min * rng.uniform(1.2, 1.6), 100_000)
    return {
        "location": location,
        "jlpt_required": jlpt,
        "salary_min_jpy": sal_min,
        "salary_max_jpy": sal_max,
        "years_experience_min": years_min,
        "visa_sponsorship": (not remote) and rng.random() < 0.82,
    }


# ---------------------------------------------------------------------------------------------------
def candidate_title(rng, onet, soc, years):
    # Titles several O*NET sources report, or that also appear in the Sample of Reported Titles, are the
    # common ones; single-source titles ("Psychometric Consultant") stay possible but rarer.
    reported = {r["reported_title"] for r in onet.reported.get(soc, [])}
    options, weights = [], []
    for r in onet.alt_titles.get(soc, []):
        t = r["short_title"] if " " in r["short_title"] else r["alternate_title"]
        if len(t) <= 40:
            options.append(t)
            weights.append(len(r["sources"].split(",")) + (3 if r["alternate_title"] in reported else 0))
    title = weighted_choice(rng, options, weights) if options else onet.occupations[soc]["title"]
    if "intern" in title.lower().split():
        return title
    if years >= 7 and rng.random() < 0.35 and not title.lower().startswith(("senior", "lead", "chief")):
        title = "Senior " + title
    elif years <= 1 and rng.random() < 0.3 and not title.lower().startswith("junior"):
        title = "Junior " + title
    return title


def make_candidates(rng, onet, count):
    socs = [s for s in OCCUPATION_WEIGHTS if s in onet.occupations]
    missing = [s for s in OCCUPATION_WEIGHTS if s not in onet.occupations]
    if missing:
        sys.exit(f"OCCUPATION_WEIGHTS names occupations absent from the data: {missing}")
    weights = [OCCUPATION_WEIGHTS[s] for s in socs]
    noise = {}
    candidates = []
    for n in range(1, count + 1):
        soc = weighted_choice(rng, socs, weights)
        years = weighted_choice(rng, list(range(0, 21)),
                                [8, 12, 12, 11, 10, 9, 7, 6, 5, 4, 4, 3, 2, 2, 1.5, 1.5, 1, 1, 0.7, 0.5, 0.5])
        # Technologies: hot and in-demand ones are far likelier, as on real resumes.
        tech = onet.tech[soc]
        tw = [0.1 + 3.0 * (r["hot_technology"] == "Y") + 8.0 * (r["in_demand"] == "Y") for r in tech]
        k = min(len(tech), rng.randint(5, 15))
        chosen = weighted_sample(rng, tech, tw, k)
        skills = []
        seen = set()
        for r in chosen:
            text = resume_spelling(rng, r["example"], onet, noise)
            if text.casefold() in seen:
                continue
            seen.add(text.casefold())
            skills.append(skill_entry(rng, text, years))
        # Zero to two O*NET skills/knowledge areas the occupation rates important ("Programming").
        sk = sorted((r for r in onet.skills_knowledge.get(soc, []) if float(r["importance"] or 0) >= 3.5),
                    key=lambda r: (-float(r["importance"]), r["element_id"]))
        for r in rng.sample(sk[:10], min(len(sk[:10]), rng.choice([0, 0, 1, 1, 2]))):
            text = r["element_name"]
            text = text.lower() if rng.random() < 0.3 else text
            if text.casefold() not in seen:
                seen.add(text.casefold())
                skills.append(text)
        # A few resumes pasted through a Japanese IME or form: full-width Latin letters.
        if rng.random() < 0.03:
            i = rng.randrange(len(skills))
            s = skills[i]
            name = s["name"] if isinstance(s, dict) else s
            fw = "".join(FULLWIDTH.get(c, c) for c in name)
            if isinstance(s, dict):
                s["name"] = fw
            else:
                skills[i] = fw
            noise["fullwidth"] = noise.get("fullwidth", 0) + 1

        attrs = candidate_attributes(rng, soc, years)
        title = candidate_title(rng, onet, soc, years)
        if attrs["location"] in JP_LOCATIONS:
            # People already working in Japan sometimes write a title or a skill in Japanese.
            if soc in JA_TITLES and rng.random() < 0.3:
                title = rng.choice(JA_TITLES[soc])
            if rng.random() < 0.3:
                for s in skills:
                    name = s["name"] if isinstance(s, dict) else s
                    ja = JA_SKILLS.get(norm(name))
                    if ja:
                        if isinstance(s, dict):
                            s["name"] = ja
                        else:
                            skills[skills.index(s)] = ja
                        noise["japanese"] = noise.get("japanese", 0) + 1
                        break
        candidates.append({"id": f"C{n:05d}", "title": title, "skills": skills, "attributes": attrs,
                           "_source_occupation": soc})
    return candidates, noise


def skill_entry(rng, text, years):
    r = rng.random()
    if r < 0.15:
        return text
    if r < 0.30:
        lvl = max(1, min(5, 1 + years // 3 + rng.choice([-1, 0, 0, 1])))
        return {"name": text, "level": lvl}
    y = rng.uniform(0.5, max(1.0, float(years)))
    y = max(0.5, round(y * 2) / 2)
    return {"name": text, "years": int(y) if y == int(y) else y}


def candidate_attributes(rng, soc, years):
    location = weighted_choice(rng, PK_LOCATIONS + ["Japan"], [27, 25, 18, 9, 6, 6, 4, 5])
    in_japan = location == "Japan"
    if in_japan:
        location = weighted_choice(rng, JP_LOCATIONS, [60, 15, 8, 7, 10])
        jlpt = weighted_choice(rng, [None] + JLPT_LEVELS, [10, 10, 20, 25, 25, 10])
    else:
        jlpt = weighted_choice(rng, [None] + JLPT_LEVELS, [46, 20, 17, 10, 5.5, 1.5])
    degree = weighted_choice(rng, [None] + DEGREES, [8, 68, 21, 3])
    if soc == "15-1221.00" and degree in (None, "bachelor"):
        degree = "master"  # research scientists: O*NET job zone 5
    premium = OCC_PREMIUM.get(soc, 1.0)
    expectation = (3.4e6 + 0.38e6 * min(years, 15)) * premium * math.exp(rng.gauss(0, 0.18))
    if in_japan:
        expectation *= 1.15
    if jlpt in ("N2", "N1"):
        expectation *= 1.1
    attrs = {"location": location}
    if jlpt:
        attrs["jlpt"] = jlpt
    if degree:
        attrs["degree"] = degree
    attrs["salary_expectation_jpy"] = max(2_400_000, min(15_000_000, round_to(expectation, 100_000)))
    attrs["years_experience"] = years
    attrs["visa_refused"] = (not in_japan) and rng.random() < 0.03
    attrs["willing_to_relocate"] = in_japan or rng.random() < 0.86
    attrs["remote_ok"] = rng.random() < 0.72
    return attrs


# ---------------------------------------------------------------------------------------------------
def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/shared/data/it", help="folder of the derived it/*.tsv files")
    ap.add_argument("--out", default="data/sample", help="output folder")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--candidates", type=int, default=2000)
    args = ap.parse_args()

    onet = OnetData(args.data)
    unused = sorted(k for k in RESUME_ALIASES
                    if not any(r["example"] == k for rows in onet.tech.values() for r in rows))
    if unused:
        print(f"note: aliases for names not in the data (unused): {unused}", file=sys.stderr)
    jobs, job_stats = make_jobs(random.Random(args.seed), args.data, onet)
    candidates, noise = make_candidates(random.Random(args.seed + 1), onet, args.candidates)
    os.makedirs(args.out, exist_ok=True)
    write_jsonl(os.path.join(args.out, "jobs.jsonl"), jobs)
    write_jsonl(os.path.join(args.out, "candidates.jsonl"), candidates)
    print(f"jobs: {len(jobs)} {job_stats}")
    print(f"candidates: {len(candidates)} skill spellings: {dict(sorted(noise.items()))}")


if __name__ == "__main__":
    main()
