"""Build domain/taxonomy/skills.tsv from O*NET technology skills plus a curated supplement.

Run from the repository root with the shared data beside it:

    python scripts/build_skills_taxonomy.py ../shared/data/taxonomy

O*NET names tools the way vendors do ("Microsoft Excel", "Structured query language SQL");
resumes say "Excel" and "SQL". This script turns the popular O*NET examples (Hot
Technology, or listed for many occupations) into a canonical name plus aliases, then adds
concepts and professional skills that O*NET does not list as tools (ESCO-style transversal
skills, methods like Agile or CI/CD) and the abbreviations people write ("JS", "k8s").

Longer than 400 lines on purpose: most of it is the curated supplement and the lists of
vendor prefixes, skipped and ambiguous names, kept beside the only code that reads them.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

MIN_OCCUPATIONS = 8
VENDORS = (
    "The MathWorks",
    "MathWorks",
    "Microsoft",
    "Oracle",
    "Adobe",
    "Apache",
    "Amazon",
    "Google",
    "IBM",
    "Atlassian",
    "Autodesk",
    "Apple",
    "Red Hat",
    "Salesforce",
    "Dassault Systemes",
    "Corel",
    "Intuit",
    "ESRI",
    "Esri",
    "Hewlett Packard",
    "LogMeIn",
    "Cisco",
    "Qlik Tech",
    "National Instruments",
    "Bentley",
    "PTC",
    "SAS",
    "Eclipse",
    "Mozilla",
    "Facebook",
)
# O*NET examples that are too generic or too ambiguous to find in a resume on their own.
SKIP = {
    "Facebook",
    "Instagram",
    "LinkedIn",
    "Web browser software",
    "Email software",
    "Blink",
    "Eko",
    "HMS",
    "Canu",
    "Loom",
    "Go",
    "R",
    "C",
    "Chef",
    "Puppet",
    "Ada",
}
# Acronyms O*NET appends that are English words or too short to find safely in a resume.
AMBIGUOUS_ACRONYMS = {
    "GP",
    "MX",
    "SAN",
    "IMAGINE",
    "CAM",
    "MIS",
    "PMS",
    "POS",
    "IDL",
    "GDA",
    "FEM",
    "LIS",
    "DCS",
    "BI",
    "MOSS",
    "ASP",
    "IDE",
    "GPS",
    "DOC",
}
GENERIC_TAILS = {"databases", "sites", "tools", "libraries", "systems", "software", "suite"}
WORD_ALIASES: dict[str, tuple[str, ...]] = {
    # canonical: aliases (matched case-insensitively unless they are in STRICT below)
    "JavaScript": ("JS", "ECMAScript", "ES6", "ES6+", "Javascript"),
    "TypeScript": ("TS",),
    "Kubernetes": ("k8s", "K8s", "kube"),
    "PostgreSQL": ("Postgres", "psql"),
    "React": ("ReactJS", "React.js", "React JS"),
    "Node.js": ("Node", "NodeJS", "Node JS"),
    "Vue.js": ("Vue", "VueJS"),
    "Angular": ("AngularJS", "Angular.js", "Angular 2+", "Google Angular"),
    "Express.js": ("ExpressJS",),
    "Next.js": ("NextJS",),
    "Amazon Web Services": ("AWS", "Amazon Web Services AWS"),
    "Google Cloud Platform": ("GCP", "Google Cloud"),
    "Microsoft Azure": ("Azure",),
    "Go": ("Golang", "Go"),
    "R": ("R",),
    "C": ("C",),
    "C++": ("cpp", "C plus plus"),
    "C#": ("C sharp", "csharp"),
    ".NET": ("dotnet", ".NET Framework", ".NET Core", "Microsoft .NET Framework"),
    "Machine Learning": ("ML", "machine-learning"),
    "Deep Learning": ("DL",),
    "Natural Language Processing": ("NLP",),
    "Computer Vision": ("CV vision", "image recognition"),
    "Artificial Intelligence": ("AI",),
    "Large Language Models": ("LLM", "LLMs", "large language model"),
    "Generative AI": ("GenAI", "generative artificial intelligence"),
    "CI/CD": ("CI / CD", "continuous integration", "continuous delivery", "continuous deployment"),
    "REST APIs": ("REST", "RESTful", "RESTful APIs", "RESTful API", "REST API", "RESTful services"),
    "GraphQL": (),
    "Microservices": ("microservice", "microservices architecture"),
    "Agile": ("Agile methodologies", "Agile methodology", "Agile development"),
    "Scrum": (),
    "Kanban": (),
    "Test-Driven Development": ("TDD", "test driven development"),
    "Unit Testing": ("unit tests",),
    "Docker": ("containerization",),
    "Terraform": ("IBM Terraform",),
    "Ansible": ("Ansible software",),
    "Chef": (),
    "Puppet": (),
    "Linux": ("GNU/Linux",),
    "Git": (),
    "GitHub": (),
    "GitLab": (),
    "Jira": ("JIRA", "Atlassian JIRA"),
    "Confluence": (),
    "Excel": ("MS Excel", "Microsoft Excel", "spreadsheets"),
    "Power BI": ("PowerBI", "Microsoft Power BI"),
    "Tableau": (),
    "Looker": (),
    "SQL": ("Structured query language",),
    "NoSQL": (),
    "MySQL": (),
    "MongoDB": ("Mongo",),
    "Redis": (),
    "Elasticsearch": ("Elastic Search", "ELK"),
    "Apache Kafka": ("Kafka",),
    "Apache Spark": ("Spark", "PySpark"),
    "Apache Airflow": ("Airflow",),
    "dbt": ("data build tool",),
    "Snowflake": (),
    "BigQuery": ("Google BigQuery",),
    "Pandas": (),
    "NumPy": ("numpy",),
    "scikit-learn": ("sklearn", "scikit learn"),
    "TensorFlow": ("tensorflow",),
    "PyTorch": ("torch",),
    "Keras": (),
    "Hugging Face": ("HuggingFace", "transformers"),
    "Jupyter": ("Jupyter Notebook", "Jupyter notebooks"),
    "Data Analysis": ("data analytics", "data analyst"),
    "Data Visualization": ("data visualisation", "dashboards"),
    "D3.js": ("D3",),
    "Statistics": ("statistical analysis", "statistical modeling"),
    "A/B Testing": ("A/B tests", "split testing"),
    "ETL": ("ELT", "data pipelines", "data pipeline"),
    "Data Engineering": (),
    "Data Modeling": ("data modelling",),
    "HTML": ("HTML5", "Hypertext markup language"),
    "CSS": ("CSS3", "Cascading style sheets"),
    "Sass": ("SCSS",),
    "Tailwind CSS": ("Tailwind",),
    "Bootstrap": (),
    "Redux": (),
    "Webpack": (),
    "Babel": (),
    "jQuery": (),
    "Django": (),
    "Flask": (),
    "FastAPI": (),
    "Spring Boot": ("Spring MVC", "Spring Framework"),
    "Hibernate": ("Hibernate ORM",),
    "Java": ("Oracle Java", "J2EE", "Java EE", "Core Java"),
    "Kotlin": (),
    "Swift": (),
    "Objective-C": ("Objective C",),
    "Python": (),
    "Ruby": (),
    "Ruby on Rails": ("Rails", "RoR"),
    "PHP": (),
    "Laravel": (),
    "Rust": (),
    "Scala": (),
    "MATLAB": ("The MathWorks MATLAB", "Matlab"),
    "SAS": (),
    "SPSS": ("IBM SPSS Statistics", "IBM SPSS"),
    "Bash": ("shell scripting", "Shell"),
    "PowerShell": ("Microsoft PowerShell",),
    "Firebase": ("Firestore", "Firebase Auth"),
    "Android": ("Google Android", "Android development"),
    "iOS": ("Apple iOS", "iOS development"),
    "React Native": (),
    "Flutter": (),
    "Figma": (),
    "Sketch": (),
    "Adobe Photoshop": ("Photoshop",),
    "Adobe Illustrator": ("Illustrator",),
    "Adobe XD": (),
    "UX Design": ("UX", "User Experience Design", "user experience"),
    "UI Design": ("UI", "user interface design"),
    "User Research": ("usability testing", "user interviews"),
    "Responsive Design": ("responsive web design",),
    "Accessibility": ("a11y", "WCAG"),
    "Product Management": ("product strategy", "product roadmap", "roadmapping"),
    "Project Management": ("project planning", "PMP"),
    "Program Management": (),
    "Stakeholder Management": ("stakeholder communication",),
    "Market Research": ("market analysis", "competitive analysis"),
    "Go-to-Market": ("GTM", "go to market", "product launch"),
    "Product Analytics": ("Mixpanel", "Amplitude"),
    "Google Analytics": (),
    "SEO": ("search engine optimization",),
    "Digital Marketing": ("online marketing",),
    "Content Marketing": (),
    "Copywriting": (),
    "Salesforce": ("Salesforce CRM", "SFDC"),
    "HubSpot": ("HubSpot software",),
    "CRM": ("customer relationship management",),
    "SAP": ("SAP software", "SAP ERP"),
    "ERP": ("enterprise resource planning",),
    "QuickBooks": ("Intuit QuickBooks",),
    "Financial Modeling": ("financial modelling", "financial analysis"),
    "Accounting": ("bookkeeping",),
    "Budgeting": ("budget management", "financial forecasting"),
    "Microsoft Office": ("MS Office", "Microsoft Office software", "Office 365", "Microsoft 365"),
    "Word": ("Microsoft Word", "MS Word"),
    "PowerPoint": ("Microsoft PowerPoint", "MS PowerPoint"),
    "Outlook": ("Microsoft Outlook",),
    "Visio": ("Microsoft Visio",),
    "SharePoint": ("Microsoft SharePoint",),
    "AutoCAD": ("Autodesk AutoCAD",),
    "SolidWorks": ("Dassault Systemes SolidWorks",),
    "Revit": ("Autodesk Revit",),
    "ArcGIS": ("ESRI ArcGIS software", "Esri ArcGIS", "GIS"),
    "Selenium": (),
    "Cypress": (),
    "Jest": (),
    "JUnit": ("Junit",),
    "Mockito": (),
    "pytest": (),
    "Jenkins": ("Jenkins CI",),
    "GitHub Actions": (),
    "Prometheus": (),
    "Grafana": (),
    "Nginx": ("NGINX",),
    "Networking": ("TCP/IP", "network administration"),
    "Cybersecurity": ("information security", "cyber security", "InfoSec"),
    "Cloud Computing": ("cloud infrastructure", "cloud-native", "cloud native"),
    "Distributed Systems": ("distributed architectures", "distributed system"),
    "System Design": ("software architecture", "systems design"),
    "Kafka Streams": (),
    "WebSockets": ("WebSocket",),
    "gRPC": (),
    "SQLite": (),
    "Oracle Database": ("Oracle DB",),
    "Microsoft SQL Server": ("SQL Server", "MSSQL", "T-SQL"),
    "DynamoDB": ("Amazon DynamoDB",),
    "Amazon S3": ("S3", "Amazon Simple Storage Service S3"),
    "Amazon EC2": ("EC2", "Amazon Elastic Compute Cloud EC2"),
    "Amazon Redshift": ("Redshift",),
    "Lambda": ("AWS Lambda",),
    "Teaching": ("lesson planning", "classroom management", "curriculum development"),
    "Customer Service": ("customer support", "client service"),
    "Sales": ("business development", "account management"),
    "Negotiation": ("negotiating",),
    "Recruiting": ("talent acquisition", "recruitment"),
    "Supply Chain Management": ("logistics", "supply chain"),
    "Inventory Management": (),
    "Billing": ("invoicing",),
    "Technical Writing": ("technical documentation",),
    "Content Management": ("CMS", "content strategy"),
    "WordPress": (),
    "Leadership": ("team leadership", "led a team", "people management", "team management"),
    "Mentoring": ("mentored", "coaching"),
    "Communication": ("communication skills", "written communication", "verbal communication"),
    "Teamwork": ("collaboration", "cross-functional collaboration", "team player"),
    "Problem Solving": ("problem-solving", "troubleshooting"),
    "Critical Thinking": ("analytical thinking", "analytical skills"),
    "Strategic Thinking": ("strategic planning",),
    "Time Management": ("prioritization", "organisation skills", "organizational skills"),
    "Adaptability": ("flexibility",),
    "Creativity": ("creative thinking",),
    "Presentation Skills": ("presentations", "public speaking"),
    "Decision Making": ("decision-making", "data-driven decisions"),
    "Attention to Detail": ("detail-oriented", "detail oriented"),
    "Code Review": ("code reviews",),
}
# Aliases that are ordinary words or single letters: matched only with this exact case.
STRICT = {
    "Go",
    "R",
    "C",
    "JS",
    "TS",
    "ML",
    "DL",
    "AI",
    "UI",
    "UX",
    "CV vision",
    "Node",
    "Express",
    "Spring",
    "Swift",
    "Rust",
    "Sketch",
    "Shell",
    "Rails",
    "Spark",
    "Word",
    "Outlook",
    "Oracle",
    "Looker",
    "Jest",
    "Cypress",
    "Flutter",
    "Scala",
    "Sales",
    "SAP",
    "GIS",
    "Vue",
    "Airflow",
    "Keras",
    "Chef",
    "Puppet",
    "security",
    "strategy",
    "analytics",
    "documentation",
    "logistics",
    "flexibility",
    "collaboration",
    "forecasting",
    "dashboards",
    "containers",
    "experimentation",
    "coaching",
    "mentored",
    "prioritization",
    "presentations",
    "transformers",
    "torch",
    "Mongo",
    "Redshift",
    "Lambda",
    "S3",
    "EC2",
    "REST",
    "ELT",
    "CMS",
    "GTM",
    "kube",
    "Postgres",
    "Illustrator",
    "Photoshop",
    "Tailwind",
}
SOFT = {
    "Leadership",
    "Mentoring",
    "Communication",
    "Teamwork",
    "Problem Solving",
    "Critical Thinking",
    "Strategic Thinking",
    "Time Management",
    "Adaptability",
    "Creativity",
    "Presentation Skills",
    "Decision Making",
    "Attention to Detail",
    "Negotiation",
    "Customer Service",
    "Stakeholder Management",
}


def _distinctive(word: str) -> bool:
    """A single word that cannot be an ordinary English word: "PowerPoint", "MATLAB", "3ds"."""
    return bool(re.search(r"[A-Z].*[A-Z]|\d|[^A-Za-z]", word))


def _strip(name: str) -> str:
    """Drop " software" and a vendor prefix, unless what is left is an ordinary word."""
    name = re.sub(r"\s+software$", "", name).strip()
    for vendor in VENDORS:
        if name.startswith(vendor + " "):
            rest = name[len(vendor) + 1 :]
            if " " in rest or _distinctive(rest):
                return rest
    return name


def _from_onet(path: Path) -> dict[str, set[str]]:
    counts: Counter[str] = Counter()
    hot: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            counts[row["Example"]] += 1
            if row["Hot Technology"] == "Y":
                hot.add(row["Example"])
    found: dict[str, set[str]] = {}
    for example, count in counts.items():
        if example in SKIP or (count < MIN_OCCUPATIONS and example not in hot):
            continue
        words = example.split()
        if words[-1] in GENERIC_TAILS and all(w.islower() for w in words[1:]):
            continue  # a category ("Accounting software", "Online databases"), not a skill
        acronym = words[-2] if words[-1] == "software" and len(words) > 2 else words[-1]
        if acronym in AMBIGUOUS_ACRONYMS:
            continue
        if len(words) > 2 and re.fullmatch(r"[A-Z][A-Z0-9]{1,6}", acronym):
            canonical = acronym
            phrase = " ".join(words[: words.index(acronym)])
            aliases = {example, phrase}
        else:
            canonical = _strip(example)
            aliases = {example}
        if canonical.islower() or len(canonical) < 2:
            continue
        found.setdefault(canonical, set()).update(a for a in aliases if a != canonical)
    return found


def _strict(alias: str) -> bool:
    """Match with exact case: curated ordinary words, and one-word ALL-CAPS acronyms."""
    return alias in STRICT or bool(re.fullmatch(r"[A-Z][A-Z0-9]+", alias))


def main(taxonomy_dir: str) -> None:
    skills = _from_onet(Path(taxonomy_dir) / "onet" / "technology_skills.tsv")
    by_fold = {name.casefold(): name for name in skills}
    for canonical, aliases in WORD_ALIASES.items():
        existing = by_fold.get(canonical.casefold())
        # Merge O*NET entries that are really an alias of a curated canonical name.
        merged = {canonical.casefold(), *(a.casefold() for a in aliases)}
        for other in [n for n in skills if n.casefold() in merged and n != canonical]:
            skills.setdefault(canonical, set()).update(skills.pop(other) | {other})
        if existing and existing != canonical and existing in skills:
            skills.setdefault(canonical, set()).update(skills.pop(existing) | {existing})
        skills.setdefault(canonical, set()).update(aliases)
    out = Path(__file__).resolve().parents[1] / "domain" / "taxonomy" / "skills.tsv"
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("# Derived from O*NET 28 technology skills (CC BY 4.0, USDOL/ETA) and curated\n")
        f.write("# aliases; see domain/taxonomy/ATTRIBUTION.md. Built by\n")
        f.write("# scripts/build_skills_taxonomy.py. Columns: name, kind, aliases (| separated,\n")
        f.write("# a leading = marks an alias matched with its exact case only).\n")
        for name in sorted(skills, key=str.casefold):
            kind = "soft" if name in SOFT else "tech"
            listed = sorted(
                {a for a in skills[name] if a.casefold() != name.casefold() or a in STRICT},
                key=str.casefold,
            )
            marked = [("=" + a) if _strict(a) else a for a in listed]
            f.write(f"{'=' if _strict(name) else ''}{name}\t{kind}\t{'|'.join(marked)}\n")
    print(f"wrote {len(skills)} skills to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/taxonomy")
