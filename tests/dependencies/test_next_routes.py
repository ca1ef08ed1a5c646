"""A Next.js app ships what its routes reach: pages, app-router special files, middleware,
instrumentation, the Sentry configs and the files next.config names."""

from __future__ import annotations

from pathlib import Path

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import write

WEB = {"name": "web", "private": True, "scripts": {"build": "next build", "start": "next start"},
       "dependencies": {"next": "14.2.35", "react": "18.2.0", "react-dom": "18.2.0"}}
PAGE = "export default function Page() {\n  return <main>CRM</main>;\n}\n"
CONSUL = ("// @ts-expect-error -- consul is an optional dependency for service discovery\n"
          "import Consul from 'consul';\n\nexport function getConsul(): unknown {\n"
          "  return new Consul({ host: process.env.CONSUL_HOST });\n}\n")
ENTITY = ("import { Entity, Column, PrimaryColumn } from 'typeorm';\n\n"
          "@Entity()\nexport class User {\n  @PrimaryColumn() id: string;\n  @Column() name: string;\n}\n")


def messages(root: Path) -> list[str]:
    diags = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    return [f"{Path(d.path).relative_to(root).as_posix()}: {d.code} {d.message}" for d in diags]


def app(root: Path, files: dict[str, object], config: str = "module.exports = {};\n") -> Path:
    return write(root, {"web/package.json": WEB, "web/next.config.js": config,
                        "web/tsconfig.json": {"compilerOptions": {"jsx": "preserve", "noEmit": True},
                                              "include": ["**/*.ts", "**/*.tsx"]},
                        "web/src/app/page.tsx": PAGE, **files})


def test_a_module_no_route_reaches_is_in_no_bundle(tmp_path):
    """`src/lib/consul/client.ts`, which no route imports, silences tsc on an import of a package nothing
    declares or installs: next build never bundles it, nothing loads it, and installing the package
    would turn the `@ts-expect-error` into an error (a real CRM's front end: 1 DEP001 error). Once the
    route imports it, it is bundled and the import fails the build: reported."""
    assert messages(app(tmp_path / "unreached", {"web/src/lib/consul/client.ts": CONSUL})) == []
    reached = app(tmp_path / "reached", {"web/src/lib/consul/client.ts": CONSUL,
                                         "web/src/app/page.tsx": "import { getConsul } from '../lib/consul/client';\n\n"
                                                                 "getConsul();\n" + PAGE})
    assert [m.split(":")[0] for m in messages(reached)] == ["web/src/lib/consul/client.ts"]


def test_copies_that_routes_reach_only_for_types_do_not_ship(tmp_path):
    """A front end keeps copies of its API's entities, which its pages import only as types: tsc drops
    those imports, no bundle holds the copies, and `typeorm` is needed for the type check at most (a real
    community app: 83 findings asking for `typeorm` in dependencies). A page that constructs the entity
    bundles it, and its `typeorm` then ships."""
    types_only = "import { User } from '../shared/user.entity';\n\nexport default function Page({ user }: { user: User }) {\n" \
                 "  return <p>{user.name}</p>;\n}\n"
    found = messages(app(tmp_path / "types", {"web/src/shared/user.entity.ts": ENTITY, "web/src/app/page.tsx": types_only}))
    assert len(found) == 1 and "--save-dev" in found[0], found
    value = "import { User } from '../shared/user.entity';\n\nconst user = new User();\n\n" \
            "export default function Page() {\n  return <p>{user.name}</p>;\n}\n"
    shipped = messages(app(tmp_path / "value", {"web/src/shared/user.entity.ts": ENTITY, "web/src/app/page.tsx": value}))
    assert len(shipped) == 1 and "npm install typeorm" in shipped[0], shipped


def test_pages_middleware_and_the_files_next_config_names_are_entries(tmp_path):
    """Every file of `pages/` (API routes too), `middleware.ts` and an image `loaderFile` are bundled
    without any import reaching them: their imports ship."""
    uses = "import { nanoid } from 'nanoid';\n\nexport const id = () => nanoid();\n"
    root = app(tmp_path / "entries", {"web/src/pages/api/ids.ts": uses, "web/src/middleware.ts": uses,
                                      "web/image-loader.ts": uses},
               config="module.exports = { images: { loader: 'custom', loaderFile: './image-loader.ts' } };\n")
    shipped = sorted(m.split(":")[0] for m in messages(root) if "npm install nanoid" in m)
    assert shipped == ["web/image-loader.ts", "web/src/middleware.ts", "web/src/pages/api/ids.ts"]


def test_configured_page_extensions_keep_every_file_presumed_to_ship(tmp_path):
    """With `pageExtensions` (MDX pages, which import components this linter does not read), which files
    are routes is the config's: no file is taken for unreached, the presumption stays."""
    root = app(tmp_path / "mdx", {"web/src/lib/consul/client.ts": CONSUL.replace("// @ts-expect-error -- consul is an "
                                                                                  "optional dependency for service discovery\n", "")},
               config="module.exports = { pageExtensions: ['ts', 'tsx', 'mdx'] };\n")
    assert [m.split(":")[0] for m in messages(root)] == ["web/src/lib/consul/client.ts"]


def test_an_app_without_next_config_is_routed_by_its_scripts(tmp_path):
    """next.config is optional (and next-env.d.ts is often gitignored): a package that declares next
    and whose scripts run `next build` has its pages as entries too, so a component nothing imports
    is in no bundle (a real rental app's front end: every dead component was taken to ship)."""
    root = write(tmp_path / "plain", {
        "web/package.json": {**WEB, "scripts": {"dev": "next dev", "build": "next build", "start": "next start"}},
        "web/pages/index.tsx": "import { Used } from '../components/Used';\n\nexport default function Home() {\n"
                               "  return <Used />;\n}\n",
        "web/components/Used.tsx": "import { nanoid } from 'nanoid';\n\nexport const Used = () => <p>{nanoid()}</p>;\n",
        "web/components/Dead.tsx": "import { v4 } from 'uuid';\n\nexport const Dead = () => <p>{v4()}</p>;\n",
    })
    found = {m.split(":")[0]: m for m in messages(root)}
    assert "npm install nanoid`" in found["web/components/Used.tsx"] and "--save-dev" in found["web/components/Dead.tsx"]


def test_an_app_with_a_server_of_its_own_keeps_unreached_files_presumed(tmp_path):
    """A Next app whose start script runs a custom server from built output (`"start": "node dist"`, a
    Fastify server tsup builds from `src/server/index.ts`, which no entry maps back to): its routes are
    not all that runs, so a file they do not reach is still presumed to ship (a real file-sharing app's
    server was called dev only)."""
    root = app(tmp_path / "served", {
        "web/package.json": {**WEB, "scripts": {"build": "tsup && next build", "start": "node dist"}},
        "web/src/server/index.ts": "import { nanoid } from 'nanoid';\n\nexport const id = nanoid();\n",
    })
    (found,) = messages(root)
    assert found.startswith("web/src/server/index.ts") and "npm install nanoid`" in found, found
