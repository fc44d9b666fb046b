import CMKCommandLine
import CMKStore
