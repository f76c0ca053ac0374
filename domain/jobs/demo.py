"""A demo job catalog, generated (not copied): a few hundred varied, plausible postings
across many occupations, so /matches works out of the box. Deterministic for a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from domain.jobs.model import Job, RemoteMode

DEMO_SOURCE = "demo"


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    skills: tuple[str, ...]
    extras: tuple[str, ...]
    duties: tuple[str, ...]
    salary: int  # mid-level yearly base in EUR


ROLES: tuple[Role, ...] = (
    Role(
        "Backend Engineer",
        ("Python", "SQL", "PostgreSQL", "REST APIs", "Docker"),
        ("Kubernetes", "Redis", "Apache Kafka", "Go"),
        (
            "design and run the services behind our product",
            "own APIs from design to on-call",
            "improve performance and reliability of our data stores",
        ),
        70000,
    ),
    Role(
        "Frontend Developer",
        ("JavaScript", "TypeScript", "React", "HTML", "CSS"),
        ("Next.js", "Redux", "Accessibility", "Figma"),
        (
            "build fast, accessible interfaces",
            "turn designs into reusable components",
            "work with designers on user experience",
        ),
        62000,
    ),
    Role(
        "Full Stack Developer",
        ("JavaScript", "Node.js", "React", "SQL", "REST APIs"),
        ("MongoDB", "Docker", "Amazon Web Services", "GraphQL"),
        (
            "ship features across the stack",
            "own services and the screens that use them",
            "review code and mentor teammates",
        ),
        66000,
    ),
    Role(
        "Java Developer",
        ("Java", "Spring Boot", "SQL", "Hibernate", "JUnit"),
        ("Microservices", "Apache Kafka", "Docker", "Angular"),
        (
            "develop enterprise applications",
            "write well-tested, maintainable code",
            "take part in architecture reviews",
        ),
        65000,
    ),
    Role(
        "Mobile Developer",
        ("Swift", "Kotlin", "iOS", "Android", "REST APIs"),
        ("Flutter", "React Native", "Firebase", "CI/CD"),
        (
            "build our iOS and Android apps",
            "ship releases every two weeks",
            "measure and improve app performance",
        ),
        64000,
    ),
    Role(
        "DevOps Engineer",
        ("Linux", "Docker", "Kubernetes", "Terraform", "CI/CD"),
        ("Amazon Web Services", "Prometheus", "Grafana", "Python", "Bash"),
        (
            "automate our infrastructure",
            "keep deployments fast and safe",
            "run monitoring and incident response",
        ),
        72000,
    ),
    Role(
        "Data Engineer",
        ("Python", "SQL", "Apache Airflow", "Apache Spark", "ETL"),
        ("dbt", "Snowflake", "BigQuery", "Apache Kafka"),
        ("build reliable data pipelines", "model data for analytics", "keep data quality high"),
        71000,
    ),
    Role(
        "Data Scientist",
        ("Python", "Machine Learning", "Statistics", "SQL", "Pandas"),
        ("scikit-learn", "PyTorch", "A/B Testing", "Deep Learning"),
        (
            "build models that drive product decisions",
            "design and analyse experiments",
            "explain results to non-technical colleagues",
        ),
        72000,
    ),
    Role(
        "Machine Learning Engineer",
        ("Python", "PyTorch", "Machine Learning", "Docker", "Deep Learning"),
        ("TensorFlow", "Kubernetes", "Natural Language Processing", "Large Language Models"),
        (
            "train and deploy models to production",
            "build evaluation pipelines",
            "optimise inference cost and latency",
        ),
        80000,
    ),
    Role(
        "Data Analyst",
        ("SQL", "Excel", "Data Analysis", "Tableau", "Statistics"),
        ("Python", "Power BI", "Data Visualization", "Looker"),
        (
            "turn data into clear recommendations",
            "build dashboards for the business",
            "answer questions with numbers",
        ),
        52000,
    ),
    Role(
        "QA Engineer",
        ("Selenium", "Test-Driven Development", "Python", "CI/CD", "Unit Testing"),
        ("Cypress", "JavaScript", "Jira"),
        ("design test plans", "automate regression tests", "work with developers on quality"),
        54000,
    ),
    Role(
        "Product Manager",
        (
            "Product Management",
            "Agile",
            "Stakeholder Management",
            "Market Research",
            "Data Analysis",
        ),
        ("SQL", "A/B Testing", "Jira", "UX Design"),
        (
            "own the roadmap for a product area",
            "talk to customers every week",
            "work with engineering and design to ship outcomes",
        ),
        78000,
    ),
    Role(
        "Product Designer",
        ("UX Design", "UI Design", "Figma", "User Research", "Responsive Design"),
        ("Accessibility", "Adobe XD", "HTML", "CSS"),
        (
            "design end-to-end product experiences",
            "run user research and usability tests",
            "maintain our design system",
        ),
        60000,
    ),
    Role(
        "Project Manager",
        ("Project Management", "Agile", "Scrum", "Stakeholder Management", "Budgeting"),
        ("Jira", "Confluence", "Microsoft Office"),
        (
            "plan and deliver projects on time",
            "manage risks and budgets",
            "keep stakeholders informed",
        ),
        60000,
    ),
    Role(
        "Technical Program Manager",
        (
            "Program Management",
            "Agile",
            "System Design",
            "Stakeholder Management",
            "Project Management",
        ),
        ("Jira", "Cloud Computing", "Distributed Systems"),
        (
            "coordinate programs across engineering teams",
            "turn strategy into plans",
            "remove blockers for delivery",
        ),
        82000,
    ),
    Role(
        "Digital Marketing Manager",
        ("Digital Marketing", "SEO", "Google Analytics", "Content Marketing", "Copywriting"),
        ("HubSpot", "A/B Testing", "Data Analysis"),
        (
            "plan and run campaigns across channels",
            "grow organic traffic",
            "report on marketing performance",
        ),
        55000,
    ),
    Role(
        "Content Manager",
        ("Content Management", "Copywriting", "SEO", "WordPress", "Communication"),
        ("Digital Marketing", "Project Management"),
        ("own our editorial calendar", "write and edit content", "work with subject experts"),
        48000,
    ),
    Role(
        "Account Executive",
        ("Sales", "Negotiation", "CRM", "Salesforce", "Communication"),
        ("HubSpot", "Presentation Skills"),
        ("win new customers", "run demos and negotiations", "keep an accurate pipeline"),
        58000,
    ),
    Role(
        "Customer Success Manager",
        ("Customer Service", "Communication", "CRM", "Problem Solving", "Stakeholder Management"),
        ("Salesforce", "Data Analysis"),
        ("onboard and support key customers", "reduce churn", "collect product feedback"),
        50000,
    ),
    Role(
        "Recruiter",
        ("Recruiting", "Communication", "Negotiation", "Stakeholder Management", "CRM"),
        ("Microsoft Office", "Data Analysis"),
        ("find and hire great people", "run interview processes", "advise hiring managers"),
        47000,
    ),
    Role(
        "Accountant",
        ("Accounting", "Excel", "Budgeting", "ERP", "Attention to Detail"),
        ("SAP", "QuickBooks", "Financial Modeling"),
        ("keep the books accurate", "prepare monthly closes", "support audits"),
        50000,
    ),
    Role(
        "Financial Analyst",
        ("Financial Modeling", "Excel", "Budgeting", "Data Analysis", "SQL"),
        ("Power BI", "SAP", "Statistics"),
        (
            "build forecasts and budgets",
            "analyse business performance",
            "support investment decisions",
        ),
        58000,
    ),
    Role(
        "Supply Chain Coordinator",
        ("Supply Chain Management", "Inventory Management", "Excel", "ERP", "Communication"),
        ("SAP", "Data Analysis", "Negotiation"),
        (
            "coordinate shipments and suppliers",
            "keep inventory levels right",
            "improve logistics processes",
        ),
        45000,
    ),
    Role(
        "Billing Specialist",
        ("Billing", "Excel", "Accounting", "Attention to Detail", "ERP"),
        ("SAP", "Customer Service"),
        ("issue and reconcile invoices", "resolve billing questions", "keep records accurate"),
        42000,
    ),
    Role(
        "Registered Nurse",
        ("Communication", "Attention to Detail", "Teamwork", "Decision Making", "Time Management"),
        ("EHR", "Leadership"),
        (
            "provide safe, compassionate patient care",
            "coordinate with doctors and families",
            "keep accurate patient records",
        ),
        46000,
    ),
    Role(
        "Primary School Teacher",
        ("Teaching", "Communication", "Creativity", "Time Management", "Adaptability"),
        ("Google Classroom", "Presentation Skills"),
        (
            "plan and teach engaging lessons",
            "support every child's progress",
            "work with parents and colleagues",
        ),
        44000,
    ),
    Role(
        "Instructional Designer",
        ("Teaching", "Content Management", "Communication", "Project Management", "Creativity"),
        ("LMS", "Adobe Photoshop", "UX Design"),
        ("design online courses", "work with subject experts", "measure learning outcomes"),
        52000,
    ),
    Role(
        "Graphic Designer",
        ("Adobe Photoshop", "Adobe Illustrator", "Creativity", "Communication", "Figma"),
        ("UI Design", "Presentation Skills"),
        (
            "create visual identities and campaigns",
            "produce print and digital assets",
            "keep our brand consistent",
        ),
        45000,
    ),
    Role(
        "Cybersecurity Analyst",
        ("Cybersecurity", "Networking", "Linux", "Problem Solving", "Python"),
        ("Splunk Enterprise", "Cloud Computing", "Bash"),
        (
            "monitor and respond to security events",
            "run vulnerability assessments",
            "improve our security posture",
        ),
        68000,
    ),
    Role(
        "IT Support Specialist",
        (
            "Customer Service",
            "Networking",
            "Microsoft Windows",
            "Problem Solving",
            "Active Directory",
        ),
        ("Linux", "PowerShell", "ServiceNow"),
        (
            "help colleagues with hardware and software",
            "manage accounts and devices",
            "document fixes",
        ),
        40000,
    ),
    Role(
        "Technical Writer",
        ("Technical Writing", "Communication", "Attention to Detail", "Git", "Content Management"),
        ("REST APIs", "Markdown", "Python"),
        (
            "write clear documentation",
            "work with engineers on new features",
            "keep docs accurate and current",
        ),
        55000,
    ),
)

CITIES = (
    ("Berlin", "Germany", "EUR"),
    ("Munich", "Germany", "EUR"),
    ("Hamburg", "Germany", "EUR"),
    ("Amsterdam", "Netherlands", "EUR"),
    ("Paris", "France", "EUR"),
    ("Madrid", "Spain", "EUR"),
    ("Lisbon", "Portugal", "EUR"),
    ("Vienna", "Austria", "EUR"),
    ("Dublin", "Ireland", "EUR"),
    ("Warsaw", "Poland", "EUR"),
    ("London", "United Kingdom", "GBP"),
    ("Manchester", "United Kingdom", "GBP"),
    ("New York", "United States", "USD"),
    ("Austin", "United States", "USD"),
    ("Toronto", "Canada", "CAD"),
)
_RATE = {"EUR": 1.0, "GBP": 0.86, "USD": 1.25, "CAD": 1.45}
_PREFIX = (
    "North",
    "Blue",
    "Bright",
    "Silver",
    "Green",
    "Clear",
    "Red",
    "Open",
    "Stone",
    "Swift",
    "Tall",
    "Wide",
    "Deep",
    "Golden",
    "Quiet",
)
_STEM = (
    "wind",
    "peak",
    "field",
    "harbor",
    "line",
    "brook",
    "gate",
    "ridge",
    "leaf",
    "wave",
    "path",
    "spark",
    "stone",
    "light",
    "forge",
)
_KIND = (
    "Analytics",
    "Health",
    "Labs",
    "Logistics",
    "Software",
    "Learning",
    "Energy",
    "Finance",
    "Retail",
    "Studio",
    "Systems",
    "Mobility",
    "Foods",
    "Media",
    "Robotics",
)
_LEVELS = (("Junior ", 0.75, "1+"), ("", 1.0, "3+"), ("Senior ", 1.3, "5+"), ("Lead ", 1.5, "8+"))
_BENEFITS = (
    "30 days of paid leave",
    "a yearly learning budget",
    "flexible working hours",
    "a public transport pass",
    "parental leave beyond the legal minimum",
    "a home-office allowance",
    "company pension contributions",
    "regular team off-sites",
)


def _company(rng: random.Random) -> str:
    return f"{rng.choice(_PREFIX)}{rng.choice(_STEM)} {rng.choice(_KIND)}"


def demo_jobs(count: int = 300, seed: int = 7) -> list[Job]:
    """`count` generated postings. The same seed always gives the same catalog."""
    rng = random.Random(seed)
    jobs = []
    for n in range(count):
        role = ROLES[n % len(ROLES)]
        prefix, factor, years = rng.choices(_LEVELS, weights=(2, 4, 3, 1))[0]
        if (
            role.title.startswith(("Registered", "Primary", "Billing", "IT Support"))
            and prefix == "Lead "
        ):
            prefix, factor, years = "Senior ", 1.3, "5+"
        city, country, currency = rng.choice(CITIES)
        remote = rng.choices(list(RemoteMode)[:3], weights=(3, 4, 4))[0]
        if role.title in ("Registered Nurse", "Primary School Teacher"):
            remote = RemoteMode.ONSITE
        base = role.salary * factor * _RATE[currency] * rng.uniform(0.9, 1.15)
        low, high = int(round(base * 0.9, -3)), int(round(base * 1.15, -3))
        company = _company(rng)
        title = f"{prefix}{role.title}"
        extras = rng.sample(role.extras, k=min(2, len(role.extras)))
        duties = rng.sample(role.duties, k=len(role.duties))
        benefits = rng.sample(_BENEFITS, k=3)
        description = "\n".join(
            [
                f"{company} is hiring a {title} in {city}"
                + (" (remote possible)" if remote is RemoteMode.REMOTE else "")
                + f". You will {duties[0]}.",
                "What you'll do:",
                *[f"• {d[0].upper()}{d[1:]}" for d in duties],
                "What you bring:",
                f"• {years} years of experience as a {role.title.casefold()} or similar",
                f"• {', '.join(role.skills[:-1])} and {role.skills[-1]}",
                f"Nice to have: {', '.join(extras)}.",
                f"We offer {benefits[0]}, {benefits[1]} and {benefits[2]}.",
            ]
        )
        jobs.append(
            Job(
                source=DEMO_SOURCE,
                external_id=f"demo-{seed}-{n}",
                title=title,
                company=company,
                description=description,
                city=city,
                country=country,
                remote=remote,
                employment_type=rng.choices(
                    ["full-time", "part-time", "contract"], weights=(8, 1, 1)
                )[0],
                salary_min=low if rng.random() < 0.8 else None,
                salary_max=high if rng.random() < 0.8 else None,
                salary_currency=currency,
                salary_interval="year",
                url=f"https://jobs.example.com/{company.casefold().replace(' ', '-')}/{n}",
                skills=[*role.skills, *extras],
            )
        )
    return jobs
