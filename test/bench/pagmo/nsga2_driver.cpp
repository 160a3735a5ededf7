// pagmo 2.18 driver for `npm run bench` (test/bench/optimizer.ts, built by test/bench/pagmo.ts).
//
// Build: g++ -O2 -std=c++17 nsga2_driver.cpp -o nsga2_driver -lpagmo   (Debian: libpagmo-dev)
//
// Modes (each prints one JSON line per run on stdout; errors go to stderr with exit status 2):
//
//   nsga2_driver nsga2 <problem> <population> <generations> <seed>[,<seed>...] [options]
//     problem: zdt1 | zdt2 | zdt3 | zdt4 | zdt6 | dtlz1 | dtlz2 | dtlz3 | dtlz4 | dtlz7
//     options: --variables N  (ZDT default 30, ZDT4/6 10; DTLZ default m + k - 1 as in odc)
//              --objectives M (DTLZ only, default 3)
//              --cr P --eta-c E --m P --eta-m E   (pagmo::nsga2 operator parameters; --m defaults to 1/n)
//     Runs pagmo::nsga2 for <generations> generations on a population of <population> random
//     individuals (the initial population costs <population> evaluations, each generation
//     <population> more). Prints the CPU seconds of the process (getrusage RUSAGE_SELF, user +
//     system, the clock behind Node's process.cpuUsage()) around the problem setup + population
//     initialisation + evolve ("cpu_s") and around the evolve alone ("cpu_evolve_s"), the number of
//     fitness evaluations, and the objective vectors of the final population ("f"). No indicator is
//     computed here: odc computes HV and IGD+ of both fronts with the same code.
//
//     With ODC_BENCH_PROCESS_CPU=1 in the environment, the process's own CPU time over its whole life (getrusage at
//     exit: dynamic loading of libpagmo, Boost and TBB included) is written to stderr as "ODC_BENCH_CPU <µs>", the
//     figure the bench sets beside a whole `odc run` process.
//
//   nsga2_driver hv <file>
//     <file>: first line the reference point (m numbers), then one point per line (m numbers each,
//     whitespace separated). Prints pagmo::hypervolume(points).compute(ref) with the default
//     algorithm for the dimension (hv2d, hv3d, hvwfg for m >= 4) and its CPU seconds (construction
//     + compute, not the file reading).
//
// The ZDT and DTLZ definitions in pagmo (src/problems/zdt.cpp, dtlz.cpp) are those of
// src/optimize/benchmarks/benchmarks.ts (same objective order; DTLZ7's g includes the 1 + ...).
#include <pagmo/algorithms/nsga2.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>
#include <pagmo/problems/dtlz.hpp>
#include <pagmo/problems/zdt.hpp>
#include <pagmo/types.hpp>
#include <pagmo/utils/hypervolume.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace
{

double cpu_seconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
           + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

double wall_seconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::vector<unsigned> parse_seeds(const std::string &s)
{
    std::vector<unsigned> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty()) continue;
        out.push_back(static_cast<unsigned>(std::stoul(item)));
    }
    if (out.empty()) throw std::invalid_argument("no seed given");
    return out;
}

struct Options {
    std::string problem;
    unsigned population = 100;
    unsigned generations = 200;
    std::vector<unsigned> seeds;
    unsigned variables = 0; // 0: default for the problem
    unsigned objectives = 3;
    double cr = 0.9;
    double eta_c = 15.;
    double m = -1.; // < 0: 1 / variables
    double eta_m = 20.;
};

pagmo::problem make_problem(const Options &o, unsigned &n)
{
    const std::string &p = o.problem;
    if (p.size() == 4 && p.compare(0, 3, "zdt") == 0) {
        unsigned id = static_cast<unsigned>(p[3] - '0');
        if (id != 1 && id != 2 && id != 3 && id != 4 && id != 6) throw std::invalid_argument("unknown problem " + p);
        n = o.variables != 0 ? o.variables : (id == 4 || id == 6 ? 10u : 30u);
        return pagmo::problem(pagmo::zdt(id, n));
    }
    if (p.size() == 5 && p.compare(0, 4, "dtlz") == 0) {
        unsigned id = static_cast<unsigned>(p[4] - '0');
        unsigned k = 0;
        switch (id) {
            case 1: k = 5; break;
            case 2: case 3: case 4: k = 10; break;
            case 7: k = 20; break;
            default: throw std::invalid_argument("unknown problem " + p);
        }
        n = o.variables != 0 ? o.variables : o.objectives + k - 1;
        // DTLZ4's alpha is 100 (pagmo's default), as in odc
        return pagmo::problem(pagmo::dtlz(id, n, o.objectives, 100u));
    }
    throw std::invalid_argument("unknown problem " + p);
}

void print_double(double v)
{
    std::printf("%.17g", v);
}

int run_nsga2(const Options &o)
{
    for (unsigned seed : o.seeds) {
        const double w0 = wall_seconds();
        const double c0 = cpu_seconds();
        unsigned n = 0;
        pagmo::problem prob = make_problem(o, n);
        const double m = o.m >= 0. ? o.m : 1. / static_cast<double>(n);
        pagmo::population pop(prob, o.population, seed);
        pagmo::algorithm algo(pagmo::nsga2(o.generations, o.cr, o.eta_c, m, o.eta_m, seed));
        const double c1 = cpu_seconds();
        pop = algo.evolve(pop);
        const double c2 = cpu_seconds();
        const double w2 = wall_seconds();
        const auto &F = pop.get_f();
        std::printf("{\"mode\":\"nsga2\",\"problem\":\"%s\",\"seed\":%u,\"population\":%u,\"generations\":%u,"
                    "\"variables\":%u,\"objectives\":%zu,\"cr\":",
                    o.problem.c_str(), seed, o.population, o.generations, n, static_cast<size_t>(prob.get_nobj()));
        print_double(o.cr);
        std::printf(",\"eta_c\":");
        print_double(o.eta_c);
        std::printf(",\"m\":");
        print_double(m);
        std::printf(",\"eta_m\":");
        print_double(o.eta_m);
        std::printf(",\"fevals\":%llu,\"cpu_s\":", static_cast<unsigned long long>(pop.get_problem().get_fevals()));
        print_double(c2 - c0);
        std::printf(",\"cpu_evolve_s\":");
        print_double(c2 - c1);
        std::printf(",\"wall_s\":");
        print_double(w2 - w0);
        std::printf(",\"f\":[");
        for (size_t i = 0; i < F.size(); ++i) {
            std::printf(i ? ",[" : "[");
            for (size_t k = 0; k < F[i].size(); ++k) {
                if (k) std::printf(",");
                print_double(F[i][k]);
            }
            std::printf("]");
        }
        std::printf("]}\n");
        std::fflush(stdout);
    }
    return 0;
}

std::vector<double> parse_line(const std::string &line)
{
    std::vector<double> out;
    const char *s = line.c_str();
    char *end = nullptr;
    for (;;) {
        double v = std::strtod(s, &end);
        if (end == s) break;
        out.push_back(v);
        s = end;
    }
    return out;
}

int run_hv(const std::string &path)
{
    std::ifstream in(path);
    if (!in) throw std::invalid_argument("cannot read " + path);
    std::string line;
    pagmo::vector_double ref;
    while (ref.empty() && std::getline(in, line)) ref = parse_line(line);
    if (ref.empty()) throw std::invalid_argument(path + ": no reference point");
    std::vector<pagmo::vector_double> points;
    while (std::getline(in, line)) {
        auto p = parse_line(line);
        if (p.empty()) continue;
        if (p.size() != ref.size()) throw std::invalid_argument(path + ": a point has the wrong dimension");
        points.push_back(std::move(p));
    }
    const double w0 = wall_seconds();
    const double c0 = cpu_seconds();
    pagmo::hypervolume hv(points, true);
    const auto algo = hv.get_best_compute(ref);
    const double value = hv.compute(ref, *algo);
    const double c1 = cpu_seconds();
    const double w1 = wall_seconds();
    std::printf("{\"mode\":\"hv\",\"points\":%zu,\"objectives\":%zu,\"algorithm\":\"%s\",\"hv\":", points.size(), ref.size(),
                algo->get_name().c_str());
    print_double(value);
    std::printf(",\"cpu_s\":");
    print_double(c1 - c0);
    std::printf(",\"wall_s\":");
    print_double(w1 - w0);
    std::printf("}\n");
    return 0;
}

void report_process_cpu()
{
    std::fprintf(stderr, "ODC_BENCH_CPU %.0f\n", cpu_seconds() * 1e6);
}

int usage()
{
    std::fprintf(stderr, "usage: nsga2_driver nsga2 <problem> <population> <generations> <seed>[,<seed>...] "
                         "[--variables N] [--objectives M] [--cr P] [--eta-c E] [--m P] [--eta-m E]\n"
                         "       nsga2_driver hv <points-file>\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    const char *process_cpu = std::getenv("ODC_BENCH_PROCESS_CPU");
    if (process_cpu != nullptr && std::string(process_cpu) == "1") std::atexit(report_process_cpu);
    try {
        if (argc < 2) return usage();
        const std::string mode = argv[1];
        if (mode == "hv") {
            if (argc != 3) return usage();
            return run_hv(argv[2]);
        }
        if (mode != "nsga2" || argc < 6) return usage();
        Options o;
        o.problem = argv[2];
        o.population = static_cast<unsigned>(std::stoul(argv[3]));
        o.generations = static_cast<unsigned>(std::stoul(argv[4]));
        o.seeds = parse_seeds(argv[5]);
        for (int i = 6; i < argc; i += 2) {
            const std::string key = argv[i];
            if (i + 1 >= argc) return usage();
            const std::string val = argv[i + 1];
            if (key == "--variables") o.variables = static_cast<unsigned>(std::stoul(val));
            else if (key == "--objectives") o.objectives = static_cast<unsigned>(std::stoul(val));
            else if (key == "--cr") o.cr = std::stod(val);
            else if (key == "--eta-c") o.eta_c = std::stod(val);
            else if (key == "--m") o.m = std::stod(val);
            else if (key == "--eta-m") o.eta_m = std::stod(val);
            else return usage();
        }
        return run_nsga2(o);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "nsga2_driver: %s\n", e.what());
        return 2;
    }
}
