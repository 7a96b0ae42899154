"""Build hook: bundle the C library into the package when ACT_LIBRARY is set.

    ACT_LIBRARY=$PWD/build/libact.so.1 python3 -m pip install --no-build-isolation \
        --no-index ./bindings/python

copies build/libact.so.1 to site-packages/libact/libact.so.1, where the loader looks
right after ACT_LIBRARY, and tags the wheel for this platform. Without ACT_LIBRARY the
package is pure Python and finds the library at run time (ACT_LIBRARY, then the system
loader). Everything else is in pyproject.toml.
"""

import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

BUNDLE = os.environ.get("ACT_LIBRARY")


class build_py_with_library(build_py):
    def run(self):
        super().run()
        dest = os.path.join(self.build_lib, "libact", "libact.so.1")
        if not BUNDLE and os.path.exists(dest):
            os.remove(dest)  # left by an earlier bundled build in the same build dir
        if BUNDLE:
            if not os.path.isfile(BUNDLE):
                raise SystemExit("ACT_LIBRARY=%s: no such file" % BUNDLE)
            self.mkpath(os.path.dirname(dest))
            shutil.copy2(os.path.realpath(BUNDLE), dest)


class BinaryDistribution(Distribution):
    def has_ext_modules(self):  # a bundled .so makes the wheel platform-specific
        return bool(BUNDLE)


setup(cmdclass={"build_py": build_py_with_library}, distclass=BinaryDistribution)
