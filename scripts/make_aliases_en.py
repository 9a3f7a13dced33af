import subprocess,sys
# Generates data/taxonomy/aliases_en.tsv (English aliases and skm: concepts; Apache-2.0) from the table
# below. Run from the repository root after building build/skillmatch: targets given by name are
# resolved exactly by the current taxonomy, so the ids are checked. docs/taxonomy-format.md explains.
# alias -> target: 'so-tag or name to resolve', or '!id', or '+slug' (a new concept below)
NEW = {  # slug: (kind, preferred label, [alternative labels])
 'scrum': ('skill','Scrum',['Scrum methodology','Scrum framework']),
 'kanban': ('skill','Kanban',['Kanban method']),
 'agile': ('skill','agile software development',['agile development','agile methodology','agile methodologies','Agile']),
 'ci-cd': ('skill','continuous integration and continuous delivery',['continuous integration and delivery','continuous integration/continuous delivery','continuous integration and deployment','CI/CD pipelines']),
 'continuous-delivery': ('skill','continuous delivery',['continuous deployment']),
 'technical-documentation': ('skill','technical documentation',['software documentation','technical writing','documentation writing']),
 'network-security': ('knowledge','network security',['computer network security','network security management']),
 'mobile-app-development': ('skill','mobile application development',['mobile app development','mobile development','mobile applications development','app development']),
 'web-development': ('skill','web development',['web application development','website development','web programming']),
 'frontend-development': ('skill','front-end development',['frontend development','front-end web development','front end development']),
 'backend-development': ('skill','back-end development',['backend development','back end development','server-side development']),
 'fullstack-development': ('skill','full-stack development',['full stack development','fullstack development','full-stack web development']),
 'devsecops': ('skill','DevSecOps',[]),
 'mlops': ('skill','MLOps',['machine learning operations']),
 'iac': ('skill','infrastructure as code',[]),
 'sre': ('skill','site reliability engineering',[]),
 'system-administration': ('skill','system administration',['systems administration','server administration','Linux administration']),
 'network-administration': ('skill','network administration',['network management']),
 'technical-support': ('skill','technical support',['IT support','help desk support','desktop support']),
 'ui-design': ('skill','user interface design',['UI design','interface design']),
 'ux-design': ('skill','user experience design',['UX design','experience design']),
 'ui-ux-design': ('skill','user interface and user experience design',['UI/UX design','UX/UI design']),
 'vfx': ('skill','visual effects',['VFX compositing','visual effects production']),
 '3dcg': ('skill','3D computer graphics',['3D graphics','3DCG production']),
 '2d-animation': ('skill','2D animation',[]),
 '3d-animation': ('skill','3D animation',['3D character animation']),
 'game-design': ('skill','game design',['video game design']),
 'level-design': ('skill','level design',[]),
 'rigging': ('skill','character rigging',['rigging']),
 'llm': ('knowledge','large language models',['large language model']),
 'generative-ai': ('knowledge','generative artificial intelligence',['generative AI']),
 'sdlc': ('knowledge','software development life cycle',['software development lifecycle']),
 'software-development': ('skill','software development',['software engineering','application development']),
 'penetration-testing': ('skill','penetration testing',['pen testing','ethical hacking']),
 'uat': ('skill','user acceptance testing',[]),
 'ab-testing': ('skill','A/B testing',['split testing']),
 'itil': ('knowledge','ITIL',['IT Infrastructure Library','IT service management']),
 'supply-chain-management': ('knowledge','supply chain management',['supply chain']),
 'github-actions': ('technology','GitHub Actions',[]),
 'fastapi': ('technology','FastAPI',[]),
 'swiftui': ('technology','SwiftUI',[]),
 'microsoft-365': ('technology','Microsoft 365',['Office 365']),
}
A = r'''
k8s	kubernetes	abbreviation
kube	kubernetes	abbreviation
GCP	google-cloud-platform	abbreviation
Google Cloud	google-cloud-platform	alternative
AWS	amazon-web-services	abbreviation
Azure	azure	alternative
MS Azure	azure	alternative
RoR	ruby-on-rails	abbreviation
Rails	ruby-on-rails	alternative
TF	tensorflow	abbreviation
sklearn	scikit-learn	abbreviation
Postgres	postgresql	alternative
psql	postgresql	abbreviation
JS	javascript	abbreviation
ECMAScript	javascript	alternative
ES6	javascript	abbreviation
TS	typescript	abbreviation
ML	machine-learning	alternative
DL	deep-learning	abbreviation
NLP	nlp	abbreviation
CV	computer-vision	abbreviation
AI	artificial intelligence	abbreviation
GenAI	+generative-ai	abbreviation
LLM	+llm	abbreviation
LLMs	+llm	abbreviation
ERP	erp	abbreviation
CRM	crm	abbreviation
VFX	+vfx	abbreviation
CG	+3dcg	abbreviation
CGI	+3dcg	abbreviation
3DCG	+3dcg	abbreviation
3D CG	+3dcg	abbreviation
2D animation	+2d-animation	alternative
3D animation	+3d-animation	alternative
UE4	unreal-engine4	abbreviation
Unreal	unreal-engine4	alternative
Unreal Engine	unreal-engine4	alternative
Unity	unity3d	alternative
Maya	maya	alternative
3ds Max	3dsmax	alternative
AE	!onet:tech:Adobe_After_Effects	abbreviation
After Effects	!onet:tech:Adobe_After_Effects	alternative
Photoshop	!onet:tech:Adobe_Photoshop	alternative
Illustrator	!onet:tech:Adobe_Illustrator	alternative
Premiere	premiere	alternative
XD	adobe-xd	abbreviation
MS Excel	excel	alternative
Excel	excel	alternative
MS Word	!onet:tech:Microsoft_Word	alternative
Word	!onet:tech:Microsoft_Word	hidden
MS Office	ms-office	alternative
O365	+microsoft-365	abbreviation
M365	+microsoft-365	abbreviation
MS Access	ms-access	alternative
Access	ms-access	hidden
Outlook	!onet:tech:Microsoft_Outlook	alternative
PowerPoint	powerpoint	alternative
PPT	powerpoint	abbreviation
MS Teams	!onet:tech:Microsoft_Teams	alternative
Teams	!onet:tech:Microsoft_Teams	hidden
SharePoint	sharepoint	alternative
MS SQL	sql-server	alternative
MSSQL	sql-server	abbreviation
SQL Server	sql-server	alternative
T-SQL	t-sql	alternative
TSQL	t-sql	abbreviation
PLSQL	plsql	abbreviation
Power BI	powerbi	alternative
PowerBI	powerbi	alternative
VS Code	visual-studio-code	alternative
VSCode	visual-studio-code	abbreviation
Visual Studio	!onet:tech:Microsoft_Visual_Studio	alternative
VB.NET	!onet:tech:Microsoft_Visual_Basic.NET	alternative
VBA	vba	abbreviation
dotnet	!onet:tech:Microsoft_.NET_Framework	hidden
dot net	!onet:tech:Microsoft_.NET_Framework	hidden
C sharp	c#	hidden
csharp	c#	hidden
cpp	c++	hidden
C plus plus	c++	hidden
golang	go	alternative
Go lang	go	hidden
py	python	abbreviation
Python3	python	hidden
Py3	python	hidden
J2EE	!onet:tech:Oracle_Java_2_Platform_Enterprise_Edition_J2EE	abbreviation
JEE	!onet:tech:Oracle_Java_2_Platform_Enterprise_Edition_J2EE	abbreviation
Springboot	spring-boot	hidden
NodeJS	node.js	alternative
Node	node.js	alternative
ReactJS	reactjs	alternative
React.js	reactjs	alternative
React	reactjs	alternative
RN	react-native	abbreviation
Vue	vue.js	alternative
VueJS	vue.js	alternative
Angular	angular	alternative
NextJS	next.js	alternative
SCSS	sass	abbreviation
HTML5	html	alternative
CSS3	css	alternative
REST API	rest	alternative
RESTful	rest	alternative
RESTful API	rest	alternative
OOP	oop	abbreviation
object-oriented programming	oop	alternative
TDD	tdd	abbreviation
BDD	bdd	abbreviation
DDD	domain-driven-design	abbreviation
CI	continuous-integration	abbreviation
CD	+continuous-delivery	abbreviation
CI/CD	+ci-cd	abbreviation
CI CD	+ci-cd	abbreviation
CICD	+ci-cd	abbreviation
IaC	+iac	abbreviation
SRE	+sre	abbreviation
GHA	+github-actions	abbreviation
SVN	svn	abbreviation
EC2	amazon-ec2	abbreviation
S3	amazon-s3	abbreviation
Lambda	aws-lambda	alternative
DynamoDB	amazon-dynamodb	alternative
GKE	google-kubernetes-engine	abbreviation
BigQuery	google-bigquery	alternative
AKS	azure-aks	abbreviation
SaaS	!so:saas	abbreviation
VM	virtual-machine	abbreviation
VMs	virtual-machine	abbreviation
RHEL	!onet:tech:Red_Hat_Enterprise_Linux	abbreviation
macOS	macos	alternative
Mac OS	macos	alternative
OS X	macos	alternative
Windows	windows	alternative
Shell scripting	bash	alternative
PowerShell	!onet:tech:Microsoft_PowerShell	alternative
IIS	iis	abbreviation
Kafka	kafka	alternative
Spark	spark	alternative
Mongo	mongodb	hidden
Oracle DB	!onet:tech:Oracle_Database	alternative
RDBMS	rdbms	abbreviation
relational databases	rdbms	alternative
ETL	etl	abbreviation
DWH	data-warehouse	abbreviation
BI	business-intelligence	abbreviation
OLAP	olap	abbreviation
Jupyter	jupyter	alternative
Torch	pytorch	hidden
HF	huggingface	abbreviation
CNN	conv-neural-network	abbreviation
CNNs	conv-neural-network	abbreviation
convolutional neural networks	conv-neural-network	alternative
RNN	recurrent-neural-network	abbreviation
recurrent neural networks	recurrent-neural-network	alternative
LSTM	lstm	abbreviation
NN	neural-network	abbreviation
neural networks	neural-network	alternative
RL	reinforcement-learning	abbreviation
stats	statistics	hidden
Matlab	matlab	alternative
Jira	jira	alternative
PM	project management	abbreviation
Agile	+agile	alternative
Scrum	+scrum	alternative
SDLC	+sdlc	abbreviation
QA	qa	abbreviation
quality assurance	qa	alternative
UAT	+uat	abbreviation
E2E	e2e-testing	abbreviation
unit tests	unit-testing	alternative
UI	+ui-design	abbreviation
UX	+ux-design	abbreviation
UI/UX	+ui-ux-design	abbreviation
UX/UI	+ui-ux-design	abbreviation
UI UX	+ui-ux-design	abbreviation
SEO	seo	abbreviation
CMS	content-management-system	abbreviation
WP	wordpress	abbreviation
ecommerce	e-commerce	alternative
SFDC	salesforce	abbreviation
ITSM	+itil	abbreviation
sysadmin	+system-administration	abbreviation
sys admin	+system-administration	abbreviation
helpdesk	+technical-support	alternative
tech support	+technical-support	alternative
computer networks	networking	alternative
computer networking	networking	alternative
TCP/IP	tcp	alternative
DNS	dns	abbreviation
DHCP	dhcp	abbreviation
LAN	lan	abbreviation
VPN	vpn	abbreviation
infosec	information-security	abbreviation
IT security	information-security	alternative
information security	information-security	alternative
cybersec	cybersecurity	hidden
netsec	+network-security	abbreviation
pentest	+penetration-testing	abbreviation
pentesting	+penetration-testing	hidden
VAPT	+penetration-testing	abbreviation
OWASP	owasp	abbreviation
IoT	iot	abbreviation
AR	augmented-reality	abbreviation
VR	virtual-reality	abbreviation
game dev	game-development	alternative
gamedev	game-development	hidden
game programming	game-development	alternative
ObjC	objective-c	abbreviation
Obj-C	objective-c	abbreviation
web dev	+web-development	alternative
webdev	+web-development	hidden
frontend	+frontend-development	alternative
front end	+frontend-development	alternative
FE	+frontend-development	abbreviation
backend	+backend-development	alternative
back end	+backend-development	alternative
BE	+backend-development	abbreviation
full stack	+fullstack-development	alternative
fullstack	+fullstack-development	alternative
MERN	mern	abbreviation
MVC	mvc	abbreviation
SOA	soa	abbreviation
design patterns	design-patterns	alternative
software architecture	architecture	alternative
data structures	data-structures	alternative
DSA	data-structures	abbreviation
data science	data-science	alternative
DS	data-science	abbreviation
data analysis	data-analysis	alternative
data analytics	data-analysis	alternative
data visualization	data-visualization	alternative
data visualisation	data-visualization	alternative
dataviz	data-visualization	hidden
big data	big data	alternative
SCM	+supply-chain-management	abbreviation
MIS	mis	abbreviation
CS	computer-science	abbreviation
comp sci	computer-science	hidden
SE	+software-development	abbreviation
SWE	+software-development	abbreviation
software dev	+software-development	alternative
coding	programming	alternative
mobile dev	+mobile-app-development	alternative
mobile apps	+mobile-app-development	alternative
'''
rows=[l.split('\t') for l in A.strip().split('\n')]
probe=sorted({r[1] for r in rows if r[1][0] not in '!+'})
out=subprocess.run(['build/skillmatch','resolve','--no-fuzzy','--method'],input='\n'.join(probe)+'\n',capture_output=True,text=True).stdout
ids={}
for line in out.strip().split('\n'):
    p=line.split('\t')
    if not p[1]: sys.exit('unresolved target '+p[0])
    ids[p[0]]=p[1]
lines=['#skillmatch-taxonomy 1',
'# English aliases people write in skill fields (acronyms, short forms, informal spellings) and concepts',
'# for common skills the source taxonomies lack. Written by the skillmatch authors (Apache-2.0, like the',
'# code). Extend it with more `label` records (docs/taxonomy-format.md, "English aliases"). Ids of new',
'# concepts start with "skm:".']
for slug,(kind,pref,alts) in NEW.items():
    lines.append(f'concept\tskm:{slug}\t{kind}\t{pref}\ten')
    for a in alts: lines.append(f'label\tskm:{slug}\ten\talternative\t{a}')
seen=set()
for alias,t,k in rows:
    cid = t[1:] if t[0]=='!' else ('skm:'+t[1:] if t[0]=='+' else ids[t])
    if t[0]=='+' and t[1:] not in NEW: sys.exit('no new concept '+t)
    if (alias.lower(),cid) in seen: continue
    seen.add((alias.lower(),cid))
    lines.append(f'label\t{cid}\ten\t{k}\t{alias}')
open('data/taxonomy/aliases_en.tsv','w').write('\n'.join(lines)+'\n')
print(len(lines))
