using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ScanPS.Tests
{
    /// <summary>
    /// A port of the parts of PowerShell's CmdletParameterBinderController that choose a parameter set when
    /// objects are piped in (PowerShell/PowerShell, src/System.Management.Automation/engine/
    /// CmdletParameterBinderController.cs: BindCommandLineParameters, ValidateParameterSets,
    /// GetMissingMandatoryParameters, BindPipelineParametersPrivate, BindUnboundParametersForBindingState).
    /// There is no PowerShell engine here, and the rules that matter are not obvious: the default parameter set is
    /// tried first in every binding state, and once a piped property binds there, ValidateParameterSets latches on
    /// to the default set. Only what set selection needs is ported: names, sets, Mandatory, pipeline flags, aliases,
    /// and type compatibility (no coercion: assignable or a scalar into an array of it; with coercion: also strings
    /// into strings, enums, Uri and numbers). ValidateSet and ValidateNotNullOrEmpty failures are binding errors.
    /// </summary>
    public sealed class PipelineBinder
    {
        private const uint AllSets = uint.MaxValue;

        private readonly List<Param> _parameters = new List<Param>();
        private readonly List<string> _setNames;
        private readonly uint _defaultSet;
        private uint _current = AllSets;
        private uint _prioritized;
        private readonly HashSet<Param> _bound = new HashSet<Param>();

        public PipelineBinder(Type cmdlet)
        {
            _setNames = CmdletReflection.Parameters(cmdlet).Select(p => p.Set).Where(s => s != CmdletReflection.AllSets).Distinct().ToList();
            string? defaultName = (string?)CmdletReflection.Named(CmdletReflection.Attribute(cmdlet, "CmdletAttribute")!, "DefaultParameterSetName");
            _defaultSet = defaultName == null ? 0 : Flag(defaultName);
            foreach (var property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = CmdletReflection.Attributes(property, "ParameterAttribute").ToList();
                if (attributes.Count == 0) continue;
                var param = new Param(property);
                foreach (var a in attributes)
                {
                    string set = (string?)CmdletReflection.Named(a, "ParameterSetName") ?? CmdletReflection.AllSets;
                    param.Sets.Add(new SetData(
                        set == CmdletReflection.AllSets ? AllSets : Flag(set),
                        (bool?)CmdletReflection.Named(a, "Mandatory") ?? false,
                        (bool?)CmdletReflection.Named(a, "ValueFromPipeline") ?? false,
                        (bool?)CmdletReflection.Named(a, "ValueFromPipelineByPropertyName") ?? false));
                }

                _parameters.Add(param);
            }
        }

        /// <summary>The outcome of one piped object: the parameter set, what bound from it, or why it failed.</summary>
        public sealed record Outcome(string? Set, IReadOnlyCollection<string> BoundFromPipeline, string? Error);

        /// <summary>
        /// <paramref name="commandLine"/>: names of the parameters given on the command line. <paramref name="piped"/>:
        /// the piped object's properties (name → value); <paramref name="pipedValue"/>: the object itself, for
        /// ValueFromPipeline (null: only by-property-name binding can apply).
        /// </summary>
        public static Outcome Pipe(Type cmdlet, IEnumerable<string> commandLine, IDictionary<string, object?> piped, object? pipedValue = null)
        {
            var binder = new PipelineBinder(cmdlet);
            try
            {
                return binder.Run(commandLine, piped, pipedValue);
            }
            catch (BindingError e)
            {
                return new Outcome(null, Array.Empty<string>(), e.Message);
            }
        }

        /// <summary>The public properties of an object, as PowerShell's adapter shows them.</summary>
        public static Dictionary<string, object?> PropertiesOf(object value) =>
            value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .ToDictionary(p => p.Name, p => p.GetValue(value), StringComparer.OrdinalIgnoreCase);

        private Outcome Run(IEnumerable<string> commandLine, IDictionary<string, object?> piped, object? pipedValue)
        {
            // BindCommandLineParametersNoValidation: named parameters narrow the sets.
            foreach (string name in commandLine)
            {
                var param = _parameters.Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                MarkBound(param);
            }

            ValidateParameterSets(prePipelineInput: true, setDefault: false);

            // BindCommandLineParameters with pipeline input expected.
            int validCount = ValidateParameterSets(true, false);
            if (validCount > 1)
            {
                uint filtered = FilterParameterSetsTakingNoPipelineInput();
                if (filtered != _current)
                {
                    _current = filtered;
                    validCount = ValidateParameterSets(true, false);
                }
            }

            var missing = GetMissingMandatoryParameters(validCount);
            if (missing.Count > 0) throw new BindingError("Prompts for " + string.Join(", ", missing.Select(p => p.Name)));

            // BindPipelineParametersPrivate for the one object; an object that binds nothing is InputObjectNotBound.
            var before = new HashSet<Param>(_bound);
            BindPipelineParametersPrivate(piped, pipedValue);
            if (_bound.SetEquals(before)) throw new BindingError("InputObjectNotBound");

            // VerifyParameterSetSelected, then the mandatory check after the object is bound.
            if (Count(_current) > 1) throw new BindingError("AmbiguousParameterSet");
            uint chosen = _current == AllSets ? _defaultSet : _current;
            var unboundMandatory = _parameters.Where(p => !_bound.Contains(p) && p.Sets.Any(s => s.Mandatory && (s.Flag == AllSets || (s.Flag & chosen) != 0))).ToList();
            if (unboundMandatory.Count > 0) throw new BindingError("InputObjectMissingMandatory: " + string.Join(", ", unboundMandatory.Select(p => p.Name)));
            return new Outcome(chosen == 0 ? null : SetName(chosen), _bound.Except(before).Select(p => p.Name).ToList(), null);
        }

        private uint Flag(string set)
        {
            int index = _setNames.IndexOf(set);
            if (index < 0) throw new ArgumentException("No parameter set " + set);
            return 1u << index;
        }

        private string SetName(uint flag) => _setNames[Enumerable.Range(0, _setNames.Count).Single(i => (1u << i) == flag)];

        private static int Count(uint flags)
        {
            if (flags == AllSets) return 1;
            int n = 0;
            for (; flags != 0; flags >>= 1) n += (int)(flags & 1);
            return n;
        }

        private int SetCount => Math.Max(1, _setNames.Count);

        private uint AllDeclaredSets => _setNames.Count == 0 ? AllSets : (uint)((1UL << _setNames.Count) - 1);

        private IEnumerable<Param> Unbound => _parameters.Where(p => !_bound.Contains(p));

        private void MarkBound(Param param)
        {
            _bound.Add(param);
            if (!param.IsInAllSets) _current = _current == AllSets ? param.SetFlags : _current & param.SetFlags;
        }

        private int ValidateParameterSets(bool prePipelineInput, bool setDefault)
        {
            int count = Count(_current);
            if (count == 0 && _current != AllSets) throw new BindingError("AmbiguousParameterSet");
            if (count > 1)
            {
                bool hasDefault = _defaultSet != 0;
                bool validIsDefault = _current == _defaultSet;
                if ((!prePipelineInput && validIsDefault) || (hasDefault && (_current & _defaultSet) != 0))
                {
                    if (setDefault)
                    {
                        _current = _defaultSet;
                        count = 1;
                    }
                }
                else if (prePipelineInput && AtLeastOneUnboundValidParameterSetTakesPipelineInput(_current))
                {
                }
                else
                {
                    int resolved = ResolveAmbiguityBasedOnMandatoryParameters();
                    if (resolved != 1) throw new BindingError("AmbiguousParameterSet");
                    count = resolved;
                }
            }
            else if (_current == AllSets)
            {
                count = SetCount;
                if (prePipelineInput && AtLeastOneUnboundValidParameterSetTakesPipelineInput(_current))
                {
                }
                else if (_defaultSet != 0)
                {
                    if (setDefault)
                    {
                        _current = _defaultSet;
                        count = 1;
                    }
                }
                else if (count > 1)
                {
                    int resolved = ResolveAmbiguityBasedOnMandatoryParameters();
                    if (resolved != 1) throw new BindingError("AmbiguousParameterSet");
                    count = resolved;
                }
            }

            return count;
        }

        private int ResolveAmbiguityBasedOnMandatoryParameters()
        {
            uint all = 0;
            foreach (var p in _parameters) foreach (var s in p.Sets) if (s.Flag != AllSets) all |= s.Flag;
            uint remaining = _current & all;
            foreach (var p in Unbound) foreach (var s in p.Sets.Where(s => s.Mandatory)) remaining &= ~(s.Flag == AllSets ? 0 : s.Flag);
            if (Count(remaining) != 1) return -1;
            _current = remaining;
            return 1;
        }

        private bool AtLeastOneUnboundValidParameterSetTakesPipelineInput(uint flags) =>
            Unbound.Any(p => p.Matching(flags).Any(s => s.ByValue || s.ByPropertyName));

        private uint FilterParameterSetsTakingNoPipelineInput()
        {
            uint taking = 0;
            foreach (var p in Unbound)
            {
                foreach (var s in p.Matching(_current).Where(s => s.ByValue || s.ByPropertyName))
                {
                    if (s.Flag == AllSets) return _current;
                    taking |= s.Flag;
                }
            }

            return taking != 0 ? _current & taking : _current;
        }

        private sealed class Prompting
        {
            public Prompting(uint set, bool isDefault) { Set = set; IsDefault = isDefault; }
            public uint Set { get; }
            public bool IsDefault { get; }
            public bool IsAllSet => Set == AllSets;
            public List<Param> Pipelineable { get; } = new List<Param>();
            public List<Param> ByValue { get; } = new List<Param>();
            public List<Param> ByPropertyName { get; } = new List<Param>();
            public List<Param> NotPipelineable { get; } = new List<Param>();
        }

        /// <summary>GetMissingMandatoryParameters with pipeline input expected: what would be prompted for.</summary>
        private List<Param> GetMissingMandatoryParameters(int validCount)
        {
            var result = new List<Param>();
            uint commandMandatorySets = 0;
            var prompting = new Dictionary<uint, Prompting>();
            bool missing = false, missingInAllSet = false;
            foreach (var p in Unbound.Where(p => p.Sets.Any(s => s.Mandatory)))
            {
                uint parameterMandatorySets = 0;
                foreach (var s in p.Matching(_current).Where(s => s.Mandatory))
                {
                    if (!prompting.TryGetValue(s.Flag, out var data))
                    {
                        data = new Prompting(s.Flag, _defaultSet != 0 && (_defaultSet & s.Flag) != 0);
                        prompting.Add(s.Flag, data);
                    }

                    if (s.ByValue || s.ByPropertyName)
                    {
                        data.Pipelineable.Add(p);
                        if (s.ByValue) data.ByValue.Add(p);
                        if (s.ByPropertyName) data.ByPropertyName.Add(p);
                    }
                    else
                    {
                        data.NotPipelineable.Add(p);
                    }

                    missing = true;
                    if (s.Flag != AllSets)
                    {
                        parameterMandatorySets |= _current & s.Flag;
                        commandMandatorySets |= _current & parameterMandatorySets;
                    }
                    else
                    {
                        missingInAllSet = true;
                    }
                }
            }

            if (!missing) return result;
            if (commandMandatorySets == 0) commandMandatorySets = _current;
            if (missingInAllSet) commandMandatorySets = _current & AllDeclaredSets;

            if (validCount > 1 && _defaultSet != 0 && (_defaultSet & commandMandatorySets) == 0 && (_defaultSet & _current) != 0)
            {
                bool otherTakesPipelineInput = prompting.Values.Any(d => (d.Set & _current) != 0 && (d.Set & _defaultSet) == 0 && !d.IsAllSet && d.Pipelineable.Count > 0);
                if (!otherTakesPipelineInput)
                {
                    commandMandatorySets = _current & ~commandMandatorySets;
                    _current = commandMandatorySets;
                    if (_current != _defaultSet) _prioritized = _defaultSet;
                }
            }

            int mandatorySetsCount = Count(commandMandatorySets);
            if (mandatorySetsCount == 0) throw new BindingError("AmbiguousParameterSet");
            if (mandatorySetsCount == 1)
            {
                foreach (var d in prompting.Values.Where(d => (d.Set & commandMandatorySets) != 0 || d.IsAllSet)) result.AddRange(d.NotPipelineable);
                return result;
            }

            if (_prioritized != 0) return result;

            bool latchOnToDefault = false;
            if (_defaultSet != 0 && (commandMandatorySets & _defaultSet) != 0)
            {
                bool another = prompting.Values.Any(d => !d.IsAllSet && !d.IsDefault && d.Pipelineable.Count > 0 && d.NotPipelineable.Count == 0);
                bool anotherByName = prompting.Values.Any(d => !d.IsAllSet && !d.IsDefault && d.ByPropertyName.Count > 0);
                if (prompting.TryGetValue(_defaultSet, out var defaultData))
                {
                    if (defaultData.ByPropertyName.Count > 0 && !anotherByName) latchOnToDefault = true;
                    else if (defaultData.Pipelineable.Count > 0 && !another) latchOnToDefault = true;
                }

                if (!latchOnToDefault && !another) latchOnToDefault = true;
                if (!latchOnToDefault && prompting.TryGetValue(AllSets, out var allData) && allData.NotPipelineable.Count > 0) latchOnToDefault = true;
                if (latchOnToDefault)
                {
                    commandMandatorySets = _defaultSet;
                    _current = _defaultSet;
                    foreach (var d in prompting.Values.Where(d => (d.Set & commandMandatorySets) != 0 || d.IsAllSet)) result.AddRange(d.NotPipelineable);
                }
            }

            if (latchOnToDefault) return result;

            uint byValueSet = 0, byNameSet = 0;
            bool foundByValue = false, multipleByValue = false, foundByName = false, multipleByName = false;
            foreach (var d in prompting.Values.Where(d => (d.Set & commandMandatorySets) != 0 && !d.IsAllSet && d.ByValue.Count > 0))
            {
                if (foundByValue) { multipleByValue = true; byValueSet = 0; break; }
                byValueSet = d.Set;
                foundByValue = true;
            }

            foreach (var d in prompting.Values.Where(d => (d.Set & commandMandatorySets) != 0 && !d.IsAllSet && d.ByPropertyName.Count > 0))
            {
                if (foundByName) { multipleByName = true; byNameSet = 0; break; }
                byNameSet = d.Set;
                foundByName = true;
            }

            uint unique = 0;
            if (foundByValue && foundByName && byValueSet == byNameSet) unique = byValueSet;
            if (foundByValue ^ foundByName) unique = foundByValue ? byValueSet : byNameSet;
            if (unique != 0)
            {
                LatchOnTo(unique, prompting, result);
                return result;
            }

            bool foundMissing = false;
            uint setsWithNotPipelineable = 0;
            foreach (var d in prompting.Values.Where(d => (d.Set & commandMandatorySets) != 0 || d.IsAllSet))
            {
                if (d.NotPipelineable.Count == 0) continue;
                foundMissing = true;
                if (!d.IsAllSet) setsWithNotPipelineable |= d.Set;
            }

            if (!foundMissing) return result;
            if (byValueSet != 0)
            {
                LatchOnTo(byValueSet, prompting, result);
                return result;
            }

            if (!multipleByValue && !multipleByName) throw new BindingError("AmbiguousParameterSet");
            if (setsWithNotPipelineable != 0)
            {
                IgnoreSets(setsWithNotPipelineable);
                if (_current == 0) throw new BindingError("AmbiguousParameterSet");
            }

            return result;
        }

        private void LatchOnTo(uint chosen, Dictionary<uint, Prompting> prompting, List<Param> result)
        {
            uint ignored = 0;
            bool chosenHasNotPipelineable = false;
            foreach (var d in prompting.Values)
            {
                if ((d.Set & chosen) != 0 || d.IsAllSet)
                {
                    if (!d.IsAllSet) chosenHasNotPipelineable = d.NotPipelineable.Count > 0;
                    result.AddRange(d.NotPipelineable);
                }
                else
                {
                    ignored |= d.Set;
                }
            }

            if (chosenHasNotPipelineable)
            {
                _current = chosen;
            }
            else
            {
                IgnoreSets(ignored);
                if (_current != chosen) _prioritized = chosen;
            }
        }

        private void IgnoreSets(uint sets)
        {
            if (sets == 0) return;
            _current = _current == AllSets ? AllDeclaredSets & ~sets : _current & ~sets;
        }

        private enum State { ByValue, ByPropertyName, ByValueWithCoercion, ByPropertyNameWithCoercion }

        private void BindPipelineParametersPrivate(IDictionary<string, object?> piped, object? pipedValue)
        {
            uint valid = _current;
            bool prioritize = _prioritized != 0;
            int steps = prioritize ? 2 : 1;
            if (prioritize) valid = _prioritized;
            for (int i = 0; i < steps; i++)
            {
                for (var state = State.ByValue; state <= State.ByPropertyNameWithCoercion; state++)
                {
                    if (BindForState(piped, pipedValue, state, valid) && (!prioritize || i == 1))
                    {
                        ValidateParameterSets(true, true);
                        valid = _current;
                    }
                }

                if (prioritize && i == 0)
                {
                    if (_current == _prioritized) break;
                    valid = _current & ~_prioritized;
                }
            }

            ValidateParameterSets(false, true);
        }

        private bool BindForState(IDictionary<string, object?> piped, object? pipedValue, State state, uint valid)
        {
            bool bound = false;
            if (_defaultSet != 0 && (valid & _defaultSet) != 0)
            {
                bound = BindInSets(piped, pipedValue, state, _defaultSet);
                if (!bound) valid &= ~_defaultSet;
            }

            if (!bound) bound = BindInSets(piped, pipedValue, state, valid);
            return bound;
        }

        private bool BindInSets(IDictionary<string, object?> piped, object? pipedValue, State state, uint valid)
        {
            bool bound = false;
            foreach (var p in Unbound.Reverse().ToList())
            {
                if (!p.Sets.Any(s => s.ByValue || s.ByPropertyName)) continue;
                if ((valid & p.SetFlags) == 0 && !p.IsInAllSets) continue;
                foreach (var s in p.Matching(valid))
                {
                    bool coerce = state == State.ByValueWithCoercion || state == State.ByPropertyNameWithCoercion;
                    bool byValue = state == State.ByValue || state == State.ByValueWithCoercion;
                    object? value;
                    if (byValue)
                    {
                        if (!s.ByValue || pipedValue == null) continue;
                        value = pipedValue;
                    }
                    else
                    {
                        if (!s.ByPropertyName) continue;
                        string? key = new[] { p.Name }.Concat(p.Aliases).FirstOrDefault(n => piped.ContainsKey(n));
                        if (key == null) continue;
                        value = piped[key];
                        // A property that is there binds or fails: PowerShell reports a validation failure for the record.
                        p.Validate(value);
                    }

                    if (!p.Accepts(value, coerce)) continue;
                    MarkBound(p);
                    bound = true;
                    break;
                }
            }

            return bound;
        }

        private sealed class BindingError : Exception
        {
            public BindingError(string message) : base(message) { }
        }

        private sealed record SetData(uint Flag, bool Mandatory, bool ByValue, bool ByPropertyName);

        private sealed class Param
        {
            private readonly PropertyInfo _property;

            public Param(PropertyInfo property)
            {
                _property = property;
                Aliases = CmdletReflection.Attributes(property, "AliasAttribute")
                    .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!))
                    .ToList();
            }

            public string Name => _property.Name;

            public List<string> Aliases { get; }

            public List<SetData> Sets { get; } = new List<SetData>();

            public bool IsInAllSets => Sets.Any(s => s.Flag == AllSets);

            public uint SetFlags => Sets.Where(s => s.Flag != AllSets).Aggregate(0u, (a, s) => a | s.Flag);

            public IEnumerable<SetData> Matching(uint flags) => Sets.Where(s => s.Flag == AllSets || flags == AllSets || (s.Flag & flags) != 0);

            /// <summary>ValidateSet and ValidateNotNullOrEmpty, which PowerShell applies to a bound pipeline value.</summary>
            public void Validate(object? value)
            {
                if (CmdletReflection.Attribute(_property, "ValidateNotNullOrEmptyAttribute") != null &&
                    (value == null || (value is string s && s.Length == 0) || (value is ICollection c && c.Count == 0)))
                {
                    throw new BindingError("ParameterArgumentValidationError: " + Name + " is null or empty");
                }

                var validateSet = CmdletReflection.Attribute(_property, "ValidateSetAttribute");
                if (validateSet != null && value != null)
                {
                    var allowed = ((IEnumerable<CustomAttributeTypedArgument>)validateSet.ConstructorArguments[0].Value!).Select(v => (string)v.Value!);
                    var values = value is IEnumerable e && !(value is string) ? e.Cast<object>() : new[] { value };
                    foreach (var v in values)
                    {
                        if (!allowed.Contains(v?.ToString(), StringComparer.OrdinalIgnoreCase)) throw new BindingError("ParameterArgumentValidationError: " + Name + " does not accept " + v);
                    }
                }
            }

            public bool Accepts(object? value, bool coerce)
            {
                var type = _property.PropertyType;
                var target = Nullable.GetUnderlyingType(type) ?? type;
                if (value == null) return !target.IsValueType && !Sets.Any(s => s.Mandatory); // PowerShell refuses null for a mandatory parameter
                var valueType = value.GetType();
                if (target.IsAssignableFrom(valueType)) return true;
                if (target.IsArray && target.GetElementType()!.IsAssignableFrom(valueType)) return true;
                if (!coerce) return false;
                if (target == typeof(string) || (target.IsArray && target.GetElementType() == typeof(string))) return true;
                var element = target.IsArray ? target.GetElementType()! : target;
                if (value is string text)
                {
                    if (element.IsEnum) return Enum.GetNames(element).Contains(text, StringComparer.OrdinalIgnoreCase);
                    if (element == typeof(Uri)) return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _);
                    if (element == typeof(int) || element == typeof(long) || element == typeof(ulong)) return long.TryParse(text, out _);
                }

                // ArgumentTransformation attributes (ScanPS's connection names) take strings.
                return value is string && _property.GetCustomAttributesData().Any(a => a.AttributeType.BaseType?.Name == "ArgumentTransformationAttribute");
            }
        }
    }
}
